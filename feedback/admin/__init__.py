"""The feedback admin: filters, listings (queue, safeguarding concerns, feedback about your
services), one item with its table of moderation actions, the CSV export, the dashboard, and the
viewset that puts them under /admin/feedback/ and in the Feedback menu.

Who may see what is decided by `feedback.permissions.feedback_permission_policy`; what an action
does by `feedback.moderation`. (Kept free of imports: Django's admin autodiscovery imports it.)
"""
