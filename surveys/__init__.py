"""Surveys families finish, with results published accessibly and safely."""
