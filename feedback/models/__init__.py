"""Feedback from families and young people, its moderation log, page votes and settings."""

from feedback.models.digests import FeedbackDigest
from feedback.models.helpfulness import HelpfulnessComment, PageHelpfulness
from feedback.models.items import (
    COMMENT_MAX_LENGTH,
    HELPFULNESS_COMMENT_MAX_LENGTH,
    REFERENCE_ALPHABET,
    FeedbackItem,
    ModerationLogEntry,
    Theme,
    ThemeForm,
    new_reference,
)
from feedback.models.site_settings import (
    DEFAULT_HELP_CONTACTS,
    DEFAULT_SAFEGUARDING_PHRASES,
    FeedbackSettings,
)

__all__ = [
    "COMMENT_MAX_LENGTH",
    "DEFAULT_HELP_CONTACTS",
    "DEFAULT_SAFEGUARDING_PHRASES",
    "HELPFULNESS_COMMENT_MAX_LENGTH",
    "REFERENCE_ALPHABET",
    "FeedbackDigest",
    "FeedbackItem",
    "FeedbackSettings",
    "HelpfulnessComment",
    "ModerationLogEntry",
    "PageHelpfulness",
    "Theme",
    "ThemeForm",
    "new_reference",
]
