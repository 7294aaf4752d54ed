"""A generated corpus of article-length conflict reports for benchmarks.

Sentences are assembled from templates with random places, actors, numbers and days, so the
corpus is as large as asked for, reproducible from a seed, and written entirely here.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sitrep.record import Article

PLACES = [
    ("Mosul", "Iraq"), ("Kirkuk", "Iraq"), ("Ramadi", "Iraq"), ("Aleppo", "Syria"),
    ("Idlib", "Syria"), ("Deir ez-Zor", "Syria"), ("Maiduguri", "Nigeria"), ("Kaduna", "Nigeria"),
    ("Gao", "Mali"), ("Mopti", "Mali"), ("Khartoum", "Sudan"), ("El Fasher", "Sudan"),
    ("Kharkiv", "Ukraine"), ("Donetsk", "Ukraine"), ("Gondar", "Ethiopia"), ("Mekele", "Ethiopia"),
    ("Gaza", "Palestine"), ("Jenin", "Palestine"),
]
ACTORS = {
    "Iraq": ("Iraqi troops", "Islamic State militants"),
    "Syria": ("Syrian government forces", "HTS fighters"),
    "Nigeria": ("Nigerian soldiers", "Boko Haram insurgents"),
    "Mali": ("Malian soldiers", "JNIM fighters"),
    "Sudan": ("the Sudanese army", "Rapid Support Forces fighters"),
    "Ukraine": ("Ukrainian forces", "Russian forces"),
    "Ethiopia": ("Ethiopian troops", "Fano militiamen"),
    "Palestine": ("Israeli troops", "Hamas gunmen"),
}
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "nine", "12", "15", "at least 20",
           "dozens of", "more than 30"]

EVENT_SENTENCES = [
    "{state} clashed with {rebel} near {place} on {day}, killing {n} fighters, a military "
    "spokesman said.",
    "An air strike on a market in {place} killed {n} civilians and wounded {m} others on {day}, "
    "local officials said.",
    "{rebel} attacked a village outside {place} on {day}, killing {n} people and abducting "
    "{m} women, according to residents.",
    "A roadside bomb exploded near a convoy in {place} on {day}, wounding {n} soldiers.",
    "Police arrested {n} people in {place} on {day} on suspicion of supporting {rebel}.",
    "Hundreds of people protested in {place} on {day} against rising prices; police fired tear "
    "gas to disperse them.",
    "{state} recaptured the town of {place} from {rebel} on {day} after two days of fighting.",
    "Artillery shells hit residential areas of {place} overnight, killing {n} civilians, "
    "including {m} children, a hospital official said.",
    "A suicide bomber blew himself up at a checkpoint in {place} on {day}, killing {n} people.",
    "Gunmen shot dead {n} farmers in their fields near {place} on {day}, witnesses said.",
]
FILLER_SENTENCES = [
    "The region has seen repeated violence since the start of the conflict.",
    "Aid agencies say more than a million people have been displaced.",
    "Talks between the two sides have stalled in recent months.",
    "The government has promised to restore security in the area.",
    "Prices of food and fuel have risen sharply across the country.",
    "Many families have moved to camps on the outskirts of the city.",
    "Analysts say the fighting could spread to neighbouring districts.",
    "The United Nations has called for an independent investigation.",
    "Local officials said schools in the area would remain closed for the rest of the week.",
    "Humanitarian convoys have struggled to reach the worst affected areas.",
    "The ministry did not respond to a request for comment.",
    "Residents described hearing heavy gunfire throughout the night.",
]


def generate(n: int, seed: int = 7, sentences: int = 24) -> list[Article]:
    """`n` articles of about `sentences` sentences (roughly 400 words) each."""
    rng = random.Random(seed)
    base = date(2023, 1, 1)
    articles = []
    for i in range(n):
        place, country = rng.choice(PLACES)
        state, rebel = ACTORS[country]
        paragraphs = []
        for _ in range(sentences):
            pool = EVENT_SENTENCES if rng.random() < 0.4 else FILLER_SENTENCES
            template = rng.choice(pool)
            text = template.format(
                state=state, rebel=rebel, place=place, day=rng.choice(DAYS),
                n=rng.choice(NUMBERS), m=rng.choice(NUMBERS[:6]),
            )
            paragraphs.append(text[0].upper() + text[1:])
        published = base + timedelta(days=rng.randrange(700))
        title = f"Violence in {place} ({i})"
        articles.append(Article(text="\n\n".join(paragraphs), title=title,
                                published=published, source="bench"))
    return articles
