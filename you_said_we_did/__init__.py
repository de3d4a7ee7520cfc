""" "You said, we did": responses that trace feedback to what the council did, and the register."""
