"""Parent carer forum: meetings, agendas, minutes the forum agrees, and actions."""
