# ruff: noqa: E501  (data: long sentences read better unwrapped)
"""The demo county's controlled vocabularies. Slugs are stable: search URLs and imports use them."""

# (slug, name, description)
SERVICE_TYPES: list[tuple[str, str, str]] = [
    (
        "information-advice",
        "Information, advice and support",
        "Help to understand the system and your rights",
    ),
    (
        "assessment-planning",
        "Assessments and EHC plans",
        "Needs assessments, EHC plans and reviews",
    ),
    (
        "short-breaks",
        "Short breaks",
        "Time away for disabled children and a break for their carers",
    ),
    ("therapy", "Therapy", "Speech and language, occupational and physiotherapy"),
    ("health", "Health services", "Nursing, clinics, hospital and community health services"),
    (
        "mental-health",
        "Emotional wellbeing and mental health",
        "Support for feelings, behaviour and mental health",
    ),
    (
        "early-years",
        "Early years and childcare",
        "Nurseries, pre-schools, childminders and early help",
    ),
    ("schools", "Schools", "Mainstream and special schools and resource bases"),
    ("colleges-post-16", "Colleges and post-16", "Sixth forms, colleges and specialist colleges"),
    (
        "employment-training",
        "Work and training",
        "Supported internships, apprenticeships and job coaching",
    ),
    ("social-care", "Social care", "Social work, family support and direct payments"),
    ("travel-transport", "Travel and transport", "Getting to school, college and activities"),
    ("activities-clubs", "Activities and clubs", "Sport, play, arts and youth clubs"),
    ("support-groups", "Support groups", "Groups run by and for families and young people"),
    ("disagreements", "Disagreements and appeals", "Mediation, complaints and the tribunal"),
]

NEEDS: list[tuple[str, str, str]] = [
    ("autism", "Autism", "Including social communication differences"),
    ("adhd", "ADHD", "Attention deficit hyperactivity disorder"),
    ("speech-language", "Speech, language and communication", ""),
    (
        "learning-difficulties",
        "Learning difficulties",
        "Moderate, severe and profound learning difficulties",
    ),
    ("specific-learning", "Specific learning difficulties", "Such as dyslexia and dyspraxia"),
    ("semh", "Social, emotional and mental health", ""),
    ("hearing", "Hearing impairment", "Deaf and hard of hearing children and young people"),
    ("vision", "Visual impairment", "Blind and partially sighted children and young people"),
    ("physical", "Physical disability", ""),
    (
        "medical",
        "Complex medical needs",
        "Including long-term conditions and life-limiting illness",
    ),
]

# The provider types of Schedule 2 to the SEND Regulations 2014.
PROVIDER_TYPES: list[tuple[str, str, str]] = [
    ("early-years", "Early years provider", "Nurseries, pre-schools and childminders"),
    ("maintained-school", "Maintained school", "Council-maintained schools and their units"),
    ("academy", "Academy or free school", ""),
    ("non-maintained-special", "Non-maintained special school", ""),
    ("post-16", "Post-16 institution", "Sixth form and further education colleges"),
    (
        "section-41",
        "Independent specialist provider (section 41)",
        "Approved under section 41 of the Children and Families Act 2014",
    ),
    ("pupil-referral-unit", "Pupil referral unit", "Short stay schools and alternative provision"),
    (
        "commissioned",
        "Council, NHS, charity or other provider",
        "Council, NHS, charity and other providers",
    ),
]

ACCESS_ROUTES: list[tuple[str, str, str]] = [
    ("self-referral", "You can contact them yourself", "No referral needed"),
    (
        "professional-referral",
        "Needs a referral from a professional",
        "Such as a GP, health visitor or school",
    ),
    ("ehc-plan", "Needs an EHC plan", "Named in an education, health and care plan"),
    ("assessment", "Needs an assessment first", "Eligibility is checked by an assessment"),
]

DELIVERY_METHODS: list[tuple[str, str, str]] = [
    ("in-person", "In person", ""),
    ("online", "Online", ""),
    ("phone", "By phone or text", ""),
    ("home-visits", "Home visits", ""),
]

# (ISO 639 code, name): 639-1 where there is one; British Sign Language has only a 639-3 code.
LANGUAGES: list[tuple[str, str]] = [
    ("en", "English"),
    ("bfi", "British Sign Language"),
    ("pl", "Polish"),
    ("ur", "Urdu"),
    ("pa", "Punjabi"),
    ("ro", "Romanian"),
    ("bn", "Bengali"),
    ("ar", "Arabic"),
]
