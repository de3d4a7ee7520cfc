# ruff: noqa: E501  (data: long sentences read better unwrapped)
"""The demo county's information pages: one for every Schedule 2 heading, plus the fixed pages.

Bodies are lists of StreamField blocks built with the small helpers below. A link target is
"page:<slug>" (an information page), "service:<slug>" (a service in the directory),
"directory" (the directory itself) or a web address.
"""

from directory.models.pages import Schedule2Heading as H


def h2(text: str) -> tuple:
    return ("heading", {"text": text, "level": "h2"})


def h3(text: str) -> tuple:
    return ("heading", {"text": text, "level": "h3"})


def p(html: str) -> tuple:
    """A paragraph; plain text is wrapped in <p>, HTML (lists) is kept as given."""
    return ("paragraph", html if html.startswith("<") else f"<p>{html}</p>")


def ul(*items: str) -> tuple:
    return ("paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def inset(text: str) -> tuple:
    return ("inset_text", {"text": f"<p>{text}</p>"})


def warning(text: str) -> tuple:
    return ("warning_text", {"text": text})


def details(summary: str, html: str) -> tuple:
    return (
        "details",
        {"summary": summary, "content": html if html.startswith("<") else f"<p>{html}</p>"},
    )


def directory_link(text: str, types: tuple = (), needs: tuple = (), age_band: str = "") -> tuple:
    """A link into the directory with filters chosen (taxonomy slugs)."""
    return (
        "directory_link",
        {"text": text, "service_types": list(types), "needs": list(needs), "age_band": age_band},
    )


def links(heading: str, *items: tuple) -> tuple:
    """items: (text, target) or (text, target, description)."""
    return ("link_list", {"heading": heading, "links": [tuple(item) for item in items]})


HOME = {
    "title": "Westshire Local Offer",
    "intro": "Information, advice and services for children and young people aged 0 to 25 with special educational needs and disabilities (SEND), and their families.",
    "body": [
        p(
            "The Local Offer brings together what is available in Westshire for education, health, social care, short breaks, leisure and preparing for adulthood, whether or not your child has an education, health and care (EHC) plan."
        ),
        inset(
            "Not sure where to start? Call Westshire SENDIASS free on 0808 157 0101 for impartial advice."
        ),
        links(
            "Popular with families",
            (
                "Find services near you",
                "directory",
                "Search more than 80 services by need, age and area",
            ),
            ("Requesting an EHC needs assessment", "page:ehc-needs-assessment"),
            ("Aiming High short breaks", "service:aiming-high-short-breaks"),
            ("Home-to-school transport", "page:travel"),
            ("Get this information on paper or in another format", "page:other-formats"),
        ),
    ],
}

DIRECTORY = {
    "slug": "services",
    "title": "Find services",
    "intro": "Search for services, schools, clubs and support groups for children and young people with SEND in Westshire.",
}

# In tree order: a page's parent comes before it. "parent" is a page slug, or None for the home page.
PAGES: list[dict] = [
    {
        "slug": "education",
        "parent": None,
        "title": "Education: schools, colleges and funding",
        "summary": "How schools, colleges and nurseries support children and young people with SEND, and how that support is paid for.",
        "schedule2": H.SCHOOLS,
        "menu": True,
        "body": [
            p(
                "Most children and young people with SEND go to their local mainstream nursery, school or college. Every school has a special educational needs coordinator (SENCO) and must publish an SEN information report on its website."
            ),
            h2("Mainstream schools and colleges"),
            p(
                "Schools give SEN support using the 'assess, plan, do, review' cycle. Support might be small-group teaching, a change to how lessons are taught, or advice from a specialist service such as autism outreach or sensory support."
            ),
            h2("Special schools and resource bases"),
            p(
                "Westshire has maintained special schools and special academies, and resource bases in mainstream schools for particular needs such as hearing impairment, autism and speech and language. A place is usually agreed through an EHC plan."
            ),
            h2("How support is funded"),
            p(
                "Schools pay for the first £6,000 of extra support for a pupil from their own budget. The council can add 'top-up' funding, and funds places in special schools and out-of-county schools named in an EHC plan."
            ),
            details(
                "What is the high needs block?",
                "The high needs block is the part of the schools budget the government gives the council for pupils with high levels of need. The council decides how to share it after consulting the Schools Forum.",
            ),
            links(
                "In this section",
                (
                    "SEN provision in Westshire, by type of provider",
                    "page:sen-provision-in-westshire",
                ),
                ("Provision outside Westshire", "page:provision-outside-westshire"),
                ("How schools and colleges support learners", "page:how-schools-support-learners"),
                ("Early years and childcare", "page:childcare"),
                ("Search for schools and colleges", "directory"),
            ),
        ],
    },
    {
        "slug": "sen-provision-in-westshire",
        "parent": "education",
        "title": "SEN provision in Westshire, by type of provider",
        "summary": "The special educational and training provision we expect to be available in Westshire, from early years to post-16.",
        "schedule2": H.PROVISION_IN_AREA,
        "body": [
            p(
                "The law asks us to set out the provision we expect to be available from each type of provider. Every service in the directory shows its provider type, so you can filter by it."
            ),
            h2("Types of provider"),
            ul(
                "<b>Early years providers</b>: nurseries, pre-schools and childminders, supported by area SENCOs and Portage.",
                "<b>Maintained schools</b>, including their resource bases, such as Castle View Primary's speech and language base.",
                "<b>Academies and free schools</b>, including special academies such as Kingsmead Academy.",
                "<b>Post-16 institutions</b>: Westshire College and Trentbury College.",
                "<b>Pupil referral units</b>: Trentbury Short Stay School and Chase Vale Learning Centre.",
                "<b>Providers commissioned by the council</b>, such as therapies, outreach teams and supported internships.",
            ),
            p(
                "Non-maintained special schools and independent specialist providers approved under section 41 are listed on the page about provision outside Westshire, because none are in the county."
            ),
            links("Find provision", ("Search the directory by provider type", "directory")),
        ],
    },
    {
        "slug": "provision-outside-westshire",
        "parent": "education",
        "title": "Provision outside Westshire",
        "summary": "Schools, colleges and health services outside the county that Westshire children and young people use.",
        "schedule2": H.PROVISION_OUTSIDE,
        "body": [
            p(
                "Some children need a school, college or specialist health service that is not in Westshire. We name these in EHC plans when no suitable provision is available in the county, or when a family's preferred school can meet the need."
            ),
            h2("What we use most"),
            ul(
                "Oakleigh School for Deaf Children, Derby (non-maintained special school)",
                "Brook House School, Wolverhampton (independent, section 41)",
                "Hollybank Independent Specialist College, Birmingham (section 41)",
                "Royal Potteries Children's Hospital, Stoke-on-Trent (specialist clinics)",
            ),
            warning(
                "If your child goes to school outside Westshire, apply for home-to-school transport before they start."
            ),
            links(
                "Related",
                ("Travel to school and college", "page:travel"),
                ("Search services outside the area", "directory"),
            ),
        ],
    },
    {
        "slug": "how-schools-support-learners",
        "parent": "education",
        "title": "How schools and colleges support learners with SEND",
        "summary": "What every school, college and nursery should tell you about how it teaches, adapts and reviews support for pupils with SEND.",
        "schedule2": H.PROVIDER_APPROACH,
        "body": [
            p(
                "Each setting publishes an SEN information report. Use these questions to read it, or to ask the SENCO."
            ),
            details(
                "How do you teach pupils with SEND?",
                "<p>Ask about the approach to teaching, how lessons and the classroom are adapted, and what extra help is available in and out of class.</p>",
            ),
            details(
                "How will you check my child's progress?",
                "<p>Ask how often progress is reviewed, how you and your child take part, and how the setting judges whether the support is working.</p>",
            ),
            details(
                "Can my child take part in everything?",
                "<p>Ask about access to the building and facilities, trips, clubs and activities beyond the curriculum.</p>",
            ),
            details(
                "Who has the expertise?",
                "<p>Ask what training staff have, and which specialist services the setting uses, such as the educational psychologist or speech and language therapy.</p>",
            ),
            details(
                "How will you support my child's wellbeing?",
                "<p>Ask how the setting supports emotional, mental and social development, including pastoral care and preventing bullying.</p>",
            ),
        ],
    },
    {
        "slug": "childcare",
        "parent": "education",
        "title": "Early years and childcare",
        "summary": "Nurseries, pre-schools, childminders and holiday childcare for children with SEND, and help to pay for it.",
        "schedule2": H.CHILDCARE,
        "menu": False,
        "body": [
            p(
                "All childcare providers must make reasonable adjustments so disabled children can attend. Many have experience of caring for children with SEND."
            ),
            h2("Help with costs"),
            ul(
                "15 hours a week of free early education for eligible 2-year-olds, including children who get Disability Living Allowance.",
                "The Disability Access Fund, paid to your child's provider.",
                "Funded places at inclusive holiday clubs for children on benefits-related free school meals.",
            ),
            links(
                "Find childcare",
                ("Search early years and childcare", "directory"),
                (
                    "Free early education for 2-year-olds",
                    "service:early-education-funding-for-2-year-olds-with-send",
                ),
            ),
        ],
    },
    {
        "slug": "health",
        "parent": None,
        "title": "Health",
        "summary": "Health services for children and young people with SEND: therapies, nursing, mental health and hospital services.",
        "schedule2": H.HEALTH,
        "menu": True,
        "body": [
            p(
                "Your GP, health visitor or school nurse can refer your child to most children's health services. Some services, such as speech and language therapy for under-5s and CAMHS, also take referrals from parents."
            ),
            h2("Mental health and wellbeing"),
            p(
                "Young people aged 11 to 19 can text a school nurse in confidence through TextTalk. Westshire CAMHS helps children and young people with moderate to severe mental health difficulties."
            ),
            warning("If a child or young person is in immediate danger, call 999 or go to A&E."),
            h2("Health and EHC plans"),
            p(
                "Health professionals give advice for EHC needs assessments, and the health needs and provision in a plan are the NHS's responsibility. The designated clinical officer makes sure this happens."
            ),
            links(
                "Health services",
                ("Children's speech and language therapy", "service:speech-and-language-therapy"),
                ("Westshire CAMHS", "service:camhs"),
                ("TextTalk for young people", "service:texttalk"),
                ("Special school nursing", "service:special-school-nursing"),
            ),
        ],
    },
    {
        "slug": "social-care",
        "parent": None,
        "title": "Social care and short breaks",
        "summary": "Support for disabled children and their families from social care, including short breaks and direct payments.",
        "schedule2": H.SOCIAL_CARE,
        "menu": True,
        "body": [
            p(
                "Many families get a break through Aiming High short breaks without a social care assessment. If your family needs more support, the children with disabilities social work team can assess what you need."
            ),
            h2("What social care can offer"),
            ul(
                "Short breaks, including overnight stays",
                "Direct payments to arrange care yourself",
                "Family support at home",
                "Equipment and adaptations, with occupational therapy",
                "Support for young carers",
            ),
            inset(
                "Parent carers have the right to a parent carer's needs assessment of their own needs."
            ),
            links(
                "Related",
                ("Short breaks services statement", "page:short-breaks-statement"),
                ("Search social care services", "directory"),
            ),
        ],
    },
    {
        "slug": "short-breaks-statement",
        "parent": "social-care",
        "title": "Short breaks services statement",
        "summary": "The short breaks available in Westshire, who can use them, and how we decide.",
        "schedule2": H.SHORT_BREAKS,
        "body": [
            p(
                "Short breaks give disabled children and young people enjoyable time away from their families, and give parents and carers a break from caring. This statement is reviewed every year with the parent carer forum."
            ),
            h2("Universal and Aiming High short breaks"),
            p(
                "Aiming High activities are open to any disabled child or young person aged 0 to 18 who lives in Westshire. Register once; no social care assessment is needed."
            ),
            h2("Specialist short breaks"),
            p(
                "Overnight short breaks at Rowan House and direct payments for short breaks are agreed after an assessment by the children with disabilities social work team."
            ),
            details(
                "How we decide eligibility",
                "<p>We look at the child's needs, the impact of caring on the family and the support the family already has. We explain every decision in writing and you can ask for it to be reviewed.</p>",
            ),
            links(
                "Short breaks",
                ("Aiming High short breaks", "service:aiming-high-short-breaks"),
                (
                    "Rowan House overnight short breaks",
                    "service:rowan-house-overnight-short-breaks",
                ),
            ),
        ],
    },
    {
        "slug": "preparing-for-adulthood",
        "parent": None,
        "title": "Preparing for adulthood",
        "summary": "Planning from age 14 for work, independent living, friends and community, and good health as an adult.",
        "schedule2": H.ADULTHOOD,
        "menu": True,
        "body": [
            p(
                "Preparing for adulthood starts at the year 9 annual review. It covers four areas: employment, independent living, friends and community, and good health."
            ),
            h2("What changes at 16 and 18"),
            ul(
                "At 16, young people can make their own decisions about their EHC plan, and ask SENDIASS for advice themselves.",
                "At 18, adult social care and adult health services take over. The transition social work team assesses needs before the 18th birthday.",
                "An EHC plan can continue up to age 25 if the young person stays in education or training.",
            ),
            links(
                "Related",
                ("Work and training", "page:work-and-training"),
                ("Preparing for adulthood team", "service:preparing-for-adulthood-team"),
                ("Independent travel training", "service:independent-travel-training"),
            ),
        ],
    },
    {
        "slug": "work-and-training",
        "parent": "preparing-for-adulthood",
        "title": "Work and training: apprenticeships and supported internships",
        "summary": "Supported internships, apprenticeships, job coaching and other training for young people with SEND.",
        "schedule2": H.TRAINING,
        "body": [
            p(
                "A supported internship is a year-long study programme based with an employer, for young people aged 16 to 24 with an EHC plan. Interns learn on the job with a job coach, and most go on to paid work."
            ),
            h2("Other routes"),
            ul(
                "Supported apprenticeships with adjusted English and maths requirements",
                "Job coaching for young adults",
                "College foundation learning courses",
            ),
            links(
                "Find work and training",
                (
                    "Supported internships at Stowford Community Hospital",
                    "service:supported-internships-hospital",
                ),
                (
                    "Supported internships at Westshire County Council",
                    "service:supported-internships-council",
                ),
                ("Search work and training", "directory"),
            ),
        ],
    },
    {
        "slug": "travel",
        "parent": None,
        "title": "Travel to school, college and nursery",
        "summary": "Help with getting to school, college or an early years setting, including home-to-school transport and travel training.",
        "schedule2": H.TRAVEL,
        "menu": True,
        "body": [
            p(
                "Children with SEND may get free home-to-school transport if they cannot be expected to walk to their nearest suitable school because of their needs, or if the distance is too far."
            ),
            warning(
                "Apply by 31 May for transport from September. Late applications may not be ready for the start of term."
            ),
            h2("Types of help"),
            ul(
                "A bus or train pass",
                "A seat in a taxi or minibus, with a passenger assistant if needed",
                "A personal travel budget so you can make your own arrangements",
                "Independent travel training",
            ),
            h2("Young people aged 16 and over"),
            p(
                "Post-16 travel support is available for students up to 25. A yearly contribution is charged for students aged 16 to 18 unless the family has a low income."
            ),
            details(
                "If you disagree with a transport decision",
                "<p>Ask for a review within 20 working days of the decision. A senior officer who was not involved looks again at your application. If you are still unhappy, you can appeal to an independent panel.</p>",
            ),
            links(
                "Travel services",
                ("Home-to-school transport", "service:home-to-school-transport"),
                ("Post-16 travel support", "service:post-16-travel-support"),
            ),
        ],
    },
    {
        "slug": "things-to-do",
        "parent": None,
        "title": "Leisure activities and support groups",
        "summary": "Clubs, sport, play and support groups for children and young people with SEND and their families.",
        "schedule2": H.LEISURE,
        "menu": True,
        "body": [
            p(
                "There are inclusive clubs and activities in every district, and support groups for parents, brothers and sisters, and young people themselves."
            ),
            directory_link("Search activities and clubs", types=("activities-clubs",)),
            links(
                "Find something to do",
                ("Aiming High short breaks", "service:aiming-high-short-breaks"),
                ("Westshire Parent Carer Forum", "page:parent-carer-forum"),
            ),
        ],
    },
    {
        "slug": "finding-things-to-do-easy-read",
        "parent": "things-to-do",
        "title": "Finding things to do: easy read",
        "summary": "An easy read guide for young people about finding clubs and activities you will enjoy.",
        "easy_read": True,
        "body": [
            p("This page is for young people. It tells you how to find clubs and things to do."),
            h2("What can I do?"),
            ul(
                "Sport, like swimming and football",
                "Youth clubs on Friday nights",
                "Drama, music and films",
                "Online groups where you can chat and play games",
            ),
            h2("How do I find a club?"),
            p("Go to Find services. Choose Activities and clubs. Choose how old you are."),
            p("You can ask someone you trust to help you look."),
            h2("Can someone come with me?"),
            p("Yes. Most clubs say it is fine to bring a helper or a friend."),
            directory_link("Find clubs and activities", types=("activities-clubs",)),
            links(
                "Links",
                (
                    "Friday Night Club",
                    "service:friday-night-club-for-disabled-young-people-rugford",
                ),
            ),
        ],
    },
    {
        "slug": "advice-and-support",
        "parent": None,
        "title": "Advice, assessments and disagreements",
        "summary": "Where to get impartial advice, how to ask for an EHC needs assessment, and what to do if you disagree.",
        "menu": True,
        "body": [
            p(
                "You do not have to work out the SEND system on your own. Start with SENDIASS, and use the pages below."
            ),
            links(
                "In this section",
                ("SENDIASS: information, advice and support", "page:sendiass"),
                ("Requesting an EHC needs assessment", "page:ehc-needs-assessment"),
                ("Complaints, mediation and the tribunal", "page:complaints-mediation-tribunal"),
                ("Westshire Parent Carer Forum", "page:parent-carer-forum"),
            ),
        ],
    },
    {
        "slug": "sendiass",
        "parent": "advice-and-support",
        "title": "SENDIASS: information, advice and support",
        "summary": "Free, impartial and confidential advice about SEND for parents, children and young people.",
        "schedule2": H.SENDIASS,
        "body": [
            p(
                "Westshire SENDIASS gives information, advice and support about special educational needs and disability, health and social care. It is free, confidential and impartial, and is run at arm's length from the council."
            ),
            h2("How SENDIASS can help"),
            ul(
                "Explaining SEN support and EHC plans",
                "Helping you write letters and prepare for meetings",
                "Coming with you to meetings",
                "Explaining your options if you disagree with a decision",
            ),
            inset(
                "Call 0808 157 0101, Monday to Friday, 9:30am to 4:30pm, or email sendiass@westshire.example."
            ),
            links("Contact", ("SENDIASS in the directory", "service:sendiass")),
        ],
    },
    {
        "slug": "ehc-needs-assessment",
        "parent": "advice-and-support",
        "title": "Requesting an EHC needs assessment",
        "summary": "Who can ask for an education, health and care needs assessment, how to ask, and what happens next.",
        "schedule2": H.EHC_ASSESSMENT,
        "body": [
            p(
                "An EHC needs assessment is a detailed look at your child's or young person's needs and the support they need. It can lead to an education, health and care (EHC) plan."
            ),
            h2("Who can ask"),
            ul(
                "A parent",
                "A young person aged 16 to 25",
                "A school, college or nursery, with the family's agreement",
            ),
            h2("How to ask"),
            p(
                "Write to the EHC needs assessment team or use the online form. Say why you think your child needs more support than their school can give, and include any reports you have."
            ),
            h2("What happens next"),
            ul(
                "Within 6 weeks we tell you whether we will carry out an assessment.",
                "If we assess, we gather advice from you, your child, education, health and social care.",
                "Within 16 weeks we tell you whether we will issue a plan, and send a draft.",
                "You have 15 days to comment on the draft and name a school or college.",
                "The final plan is issued within 20 weeks of the request.",
            ),
            warning(
                "If we decide not to assess or not to issue a plan, you can appeal to the tribunal within 2 months of the decision letter."
            ),
            details(
                "Does my child need a diagnosis?",
                "No. The assessment is based on your child's needs, not on a diagnosis.",
            ),
            links(
                "Help with your request",
                ("SENDIASS", "page:sendiass"),
                ("EHC needs assessment team", "service:ehc-needs-assessment"),
                ("Complaints, mediation and the tribunal", "page:complaints-mediation-tribunal"),
            ),
        ],
    },
    {
        "slug": "asking-for-an-ehc-needs-assessment-easy-read",
        "parent": "ehc-needs-assessment",
        "title": "Asking for an EHC needs assessment: easy read",
        "summary": "An easy read guide to asking the council to look at the help a child or young person needs.",
        "easy_read": True,
        "body": [
            p("EHC means education, health and care."),
            p("An EHC needs assessment is when the council finds out what help you need to learn."),
            h2("Who can ask?"),
            p(
                "Your mum, dad or carer can ask. If you are 16 or older, you can ask yourself. Your school can ask too."
            ),
            h2("What happens?"),
            ul(
                "The council answers in 6 weeks.",
                "People who know you write about what you need.",
                "The council decides if you need an EHC plan.",
            ),
            h2("Who can help?"),
            p("SENDIASS can help. Phone 0808 157 0101. It is free."),
            links("Links", ("SENDIASS", "page:sendiass")),
        ],
    },
    {
        "slug": "complaints-mediation-tribunal",
        "parent": "advice-and-support",
        "title": "Complaints, mediation and the tribunal",
        "summary": "What to do if you are unhappy with SEND support or disagree with a decision, from a conversation with the school to an appeal.",
        "schedule2": H.COMPLAINTS,
        "body": [
            p(
                "Most disagreements can be sorted out by talking. If that does not work, there are formal routes."
            ),
            h2("1. Talk to the setting or service"),
            p(
                "Start with your child's teacher, the SENCO or the service. Each school and service has a complaints procedure on its website."
            ),
            h2("2. Disagreement resolution"),
            p(
                "An independent facilitator can help you and the school, college, council or health service reach an agreement. It is free."
            ),
            h2("3. Mediation"),
            p(
                "Before you appeal to the tribunal about an EHC needs assessment or plan, you must contact the mediation service for mediation advice. Mediation must take place within 30 days if you choose it."
            ),
            h2("4. Appeal to the tribunal"),
            p(
                "The First-tier Tribunal (Special Educational Needs and Disability) hears appeals about EHC needs assessments and plans. You must appeal within 2 months of the decision, or 1 month from the mediation certificate, whichever is later."
            ),
            warning("Deadlines for tribunal appeals are strict. Contact SENDIASS early for help."),
            h2("Complaints about the council or NHS"),
            p(
                "Use the council's complaints procedure or the NHS complaints procedure. If you are still unhappy, you can go to the Local Government and Social Care Ombudsman or the Parliamentary and Health Service Ombudsman."
            ),
            links(
                "Get help",
                ("SEND mediation service", "service:send-mediation"),
                ("Disagreement resolution service", "service:send-disagreement-resolution"),
                ("SENDIASS", "page:sendiass"),
                (
                    "Appeal to the SEND tribunal (GOV.UK)",
                    "https://www.gov.uk/special-educational-needs-disability-tribunal",
                ),
            ),
        ],
    },
    {
        "slug": "parent-carer-forum",
        "parent": "advice-and-support",
        "title": "Westshire Parent Carer Forum",
        "summary": "The independent forum of parents and carers that works with the council and the NHS to improve SEND services.",
        "schedule2": H.FORUM,
        "body": [
            p(
                "The Westshire Parent Carer Forum is run by parents and carers of children and young people with SEND. It is independent of the council and the NHS, and works with them as an equal partner."
            ),
            h2("What the forum does"),
            ul(
                "Gathers families' views through surveys and coffee mornings",
                "Sits on the SEND partnership board and commissioning groups",
                "Helped write this Local Offer and reviews it every year",
            ),
            inset(
                "Membership is free. Join to have your say and get news about changes to services."
            ),
            links(
                "Get involved",
                ("Parent Carer Forum in the directory", "service:parent-carer-forum"),
            ),
        ],
    },
    {
        "slug": "about",
        "parent": None,
        "title": "About the Local Offer",
        "summary": "What the Local Offer is, how we keep it up to date, and how to get it in other formats.",
        "menu": True,
        "body": [
            p(
                "Every council in England must publish a Local Offer under the Children and Families Act 2014. We write and review it with families, young people, schools, colleges, health and social care."
            ),
            p(
                "Every service shows the date it was last checked. Providers are asked to review their information at least once a year."
            ),
            links(
                "In this section",
                ("Get the Local Offer offline or in other formats", "page:other-formats"),
                ("Accessibility statement", "page:accessibility-statement"),
            ),
        ],
    },
    {
        "slug": "other-formats",
        "parent": "about",
        "title": "Get the Local Offer offline or in other formats",
        "summary": "How to get information from the Local Offer without the internet, on paper, in large print, easy read, or in another language.",
        "schedule2": H.OFFLINE,
        "body": [
            p("You do not need the internet to use the Local Offer."),
            h2("Ask us by phone"),
            p(
                "Call 0306 999 0123, Monday to Friday, 9am to 5pm. We will search the Local Offer for you and post or read out what you need."
            ),
            h2("Visit a library or family hub"),
            p(
                "Staff at every Westshire library and family hub can help you search and print pages for free."
            ),
            h2("Other formats"),
            ul(
                "Printed copies of any page",
                "Large print or braille",
                "Easy read versions of key pages",
                "Audio",
                "Translated into another language, or a British Sign Language video",
            ),
            p(
                "Email localoffer@westshire.example to ask for a format. We will reply within 10 working days."
            ),
        ],
    },
    {
        "slug": "accessibility-statement",
        "parent": "about",
        "title": "Accessibility statement",
        "summary": "How accessible the Westshire Local Offer website is, what is not yet accessible, and how to report a problem.",
        "schedule2": H.ACCESSIBILITY,
        "body": [
            p(
                "This statement applies to the Westshire Local Offer website. Westshire County Council runs it. We want as many people as possible to be able to use it. You should be able to change colours and fonts, zoom in up to 400% without text spilling off the screen, navigate with a keyboard or speech recognition software, and listen with a screen reader."
            ),
            h2("How accessible this website is"),
            p("We know some parts are not fully accessible:"),
            ul(
                "some older PDF documents uploaded by providers are not fully accessible to screen readers",
                "some services' descriptions, written by providers, use jargon",
            ),
            h2("Feedback and contact information"),
            p(
                "If you need information in a different format, such as accessible PDF, large print, easy read, audio or braille, email localoffer@westshire.example or call 0306 999 0123. We will consider your request and reply within 10 working days."
            ),
            h2("Reporting accessibility problems"),
            p(
                "We are always looking to improve. If you find a problem not listed here, or think we are not meeting accessibility requirements, email localoffer@westshire.example."
            ),
            h2("Enforcement procedure"),
            p(
                "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS)."
            ),
            links(
                "Enforcement",
                (
                    "Equality Advisory and Support Service",
                    "https://www.equalityadvisoryservice.com/",
                ),
            ),
            h2("Technical information about this website's accessibility"),
            p(
                "Westshire County Council is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018."
            ),
            h3("Compliance status"),
            p(
                "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below."
            ),
            h3("Non-accessible content"),
            p(
                "Some PDF documents provided by services do not have tagged headings (WCAG 2.2 success criterion 1.3.1). We ask providers to give an accessible version when they next review their service, and we are replacing older documents with web pages."
            ),
            h2("What we are doing to improve accessibility"),
            p(
                "We test the site with automated tools on every change, and with disabled people, including young people, at least once a year."
            ),
            h2("Preparation of this accessibility statement"),
            p(
                "This statement was prepared and last reviewed when this site was set up. The site was tested against WCAG 2.2 AA by the council's digital team."
            ),
        ],
    },
]

# Pages that have an easy read version: page slug -> easy read page slug.
EASY_READ_VERSIONS: dict[str, str] = {
    "things-to-do": "finding-things-to-do-easy-read",
    "ehc-needs-assessment": "asking-for-an-ehc-needs-assessment-easy-read",
}

SETTINGS = {
    "council_name": "Westshire County Council",
    "service_name": "Westshire Local Offer",
    "contact_phone": "0306 999 0123",
    "contact_email": "localoffer@westshire.example",
    "offline_text": "Call 0306 999 0123 to get this information on paper, in large print or in another language.",
}
