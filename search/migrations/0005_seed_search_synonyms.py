"""Seed the editor-managed search words (only when the table is empty).

A copy of search.synonyms.DEFAULT_SYNONYMS as it was when this migration was written, so later
edits to that list do not change what this migration did.
"""

from django.db import migrations

SEED = [
    ('asd, autism, autistic, autism spectrum', ''),
    ('salt, speech and language, speech therapy', ''),
    ('short break, respite', ''),
    ('camhs, mental health, emotional wellbeing', ''),
    ('ehcp, ehc plan, education health and care plan', ''),
    ('adhd, attention deficit', ''),
    ('sendiass, send information advice and support', ''),
    ('ot, occupational therapy', ''),
    ('a break, break from caring, time off from caring, sitting service', 'short break, respite'),
    ('things to do, stuff to do, something to do, days out, whats on, weekend', 'activities, club, play, sport, saturday'),
    ('feeling low, feel low, feeling down, feel down, sad, depressed, unhappy', 'mental health, wellbeing, counselling, depression'),
    ('anxious, worried, worry, stressed, panic', 'anxiety, mental health, wellbeing, counselling'),
    ('someone to talk to, talk to someone, somebody to talk to', 'counselling, wellbeing, youth worker, confidential'),
    ('job, get a job, paid work, employment, career', 'job, jobs, employment, careers, apprenticeship, internship'),
    ('travel training, get the bus, catch the bus, travel on my own, learn to travel', 'travel training, travel safely'),
    ('diagnosis, diagnosed, diagnose, get assessed, assess, assessed', 'diagnosis, diagnose, assessment'),
    ('meet people, meet other, make friends, friends, lonely, socialise', 'friends, social, meet, youth club, group'),
    ('taxi, school bus, transport to school, get to school, lift to school', 'transport, taxi, travel'),
    ('money, pay for, personal budget, afford, funding', 'direct payments, personal budget, money, funding'),
    ('cant sleep, wont sleep, not sleeping, bedtime, night waking', 'sleep'),
    ('complain, complaint, not happy with, disagree, appeal, unfair', 'complaint, disagreement, dispute, mediation, appeal, tribunal'),
    ('excluded, exclusion, suspended, expelled, kicked out', 'exclusion, pupil referral unit, alternative provision'),
    ('moving out, living on my own, live on my own, leave home, independent living', 'independent living, preparing for adulthood, adult'),
    ('turns 18, turn 18, at 18, adulthood, becoming an adult', 'transition, adult, preparing for adulthood'),
    ('look after my mum, look after my dad, care for my mum, care for my dad, look after my brother, look after my sister, young carer', 'young carer'),
    ('behaviour, tantrums, meltdowns, challenging behaviour', 'behaviour, routines'),
    ('deaf, hearing loss, hearing impaired, cant hear', 'deaf, hearing'),
    ('blind, visually impaired, sight loss, partially sighted', 'vision, visual impairment, blind'),
    ('down syndrome, downs syndrome, trisomy 21', ''),
    ('college, further education, course, sixth form', 'college, course'),
    ('childcare, nursery, childminder, pre school, babysitting', 'childcare, nursery, childminder, pre school'),
    ('counselling, counsellor, therapist', 'counselling'),
    ('dyslexia, dyslexic, reading difficulties', 'dyslexia'),
    ('social worker, social services', 'social worker, social care'),
    ('physio, physiotherapy', ''),
    ('swim, swimming, swimming pool', 'swimming, swim'),
]


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    if not SearchSynonym.objects.exists():
        SearchSynonym.objects.bulk_create(
            SearchSynonym(words=words, meaning=meaning) for words, meaning in SEED
        )


def unseed(apps, schema_editor):
    apps.get_model("search", "SearchSynonym").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_search_synonyms")]

    operations = [migrations.RunPython(seed, unseed)]
