"""Accounts for families, young people, forum members and staff: sign-in, profile, rights."""
