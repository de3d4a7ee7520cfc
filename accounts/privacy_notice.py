# ruff: noqa: E501  (data: long sentences read better unwrapped)
"""The demo privacy notice: what the code keeps, why, for how long, and who sees it.

Kept as data and checked against the code by accounts/tests/test_privacy.py. A council edits
its own notice in the Wagtail admin; this one tells the truth about the software as shipped.
"""

SLUG = "privacy"
TITLE = "Privacy notice"
SUMMARY = "What we keep about you when you use this site, why, for how long, and who can see it."


def _p(text: str) -> tuple:
    return ("paragraph", f"<p>{text}</p>")


def _h2(text: str) -> tuple:
    return ("heading", {"text": text, "level": "h2"})


def _list(*items: str) -> tuple:
    return ("paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


BODY = [
    _p(
        "The council runs this site. This notice says exactly what the site keeps about you. You can use the directory and read every page without giving us anything about you."
    ),
    _h2("Feedback"),
    _p(
        "When you send feedback we keep what you wrote, the date, the service it is about, your rating, and your answers to the questions on the form (who is writing, the district). We keep your email address only if you ask us to tell you about a response."
    ),
    _list(
        "Why: to improve the Local Offer and its services (the council's public task under the Children and Families Act 2014), and to tell you about a response if you asked.",
        "How long: your email address and the link to your account are deleted 12 months after you send the feedback (the council can set a different period). What you wrote is kept, without them, so that what families told us is never lost.",
        "Who sees it: the council's moderators. They decide what is published. We only publish your words if you say we may, and then only a version with anything that could identify you taken out. If what you wrote suggests someone may be at risk, the council's safeguarding leads see it too, and may act on it.",
    ),
    _h2("Young people's feedback"),
    _p(
        "Young people's feedback is kept in the same way as adults' feedback. We also keep whether the young person is under 13 and whether a parent or carer helped. If you are under 13 we do not ask for your email address unless a parent or carer is helping you."
    ),
    _h2("Searches"),
    _p(
        "When you search the directory we count the words you searched for, the filters you chose, how many results there were and the day. We do not keep your postcode, your IP address, or anything that links a search to you or to other searches you made. Editors read these counts to find what people look for and cannot find. They are kept until the council deletes them."
    ),
    _h2("Accounts"),
    _p(
        "You do not need an account. If you make one, we keep your email address, your password (scrambled, so nobody can read it), who you said you are, your district if you gave it, which emails you want, when you said you are 13 or over (or that a parent or carer is helping you), and the devices you are signed in on (browser and IP address) so you can sign them out."
    ),
    _list(
        "Why: so you can see your feedback and our responses, take part in surveys and the forum, and choose the emails you get.",
        "How long: until you delete your account. An account whose email address was never confirmed is deleted after 30 days.",
        "Who sees it: you, and the council's site administrators. A record of sign-ins, changes to roles and second factors, downloads of your data and account deletions is kept for the site administrators, to keep accounts safe. It does not hold your email address.",
        "Children under 13 cannot make an account on their own: a parent or carer must help them (UK GDPR article 8).",
    ),
    _p(
        "You can see and download everything we keep about you, and delete your account, from the Your account page. When you delete your account, what you wrote is kept without your name or email address."
    ),
    _h2("Emails"),
    _p(
        "We send emails only to addresses you give us: a code to confirm your address or to sign in, a link to reset your password, and the emails you asked for. A copy of each email, with the address it went to, is kept in our outbox so it can be sent again if sending fails. 30 days after an email is sent we delete the address and the text from that copy."
    ),
    _h2("Your rights"),
    _p(
        "You can ask us for a copy of what we keep about you, to correct it, or to delete it. You can also complain to the Information Commissioner's Office (ico.org.uk)."
    ),
]
