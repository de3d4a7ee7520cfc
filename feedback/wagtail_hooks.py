"""Public plug-ins of the feedback app: links and forms shown on pages of other apps."""
