"""Email to people outside the council, sent from a task, once per person and event, never lost."""
