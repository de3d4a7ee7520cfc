def load_demo() -> str:
    return "You said, we did: nothing yet"
