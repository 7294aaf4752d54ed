"""Invented articles and helpers shared by the command-line tests."""

from __future__ import annotations

import json
import math
import shutil
import sys
from pathlib import Path
from typing import Any

from sitrep.schema import validate_event
from support import Story
from support import write_stories as write_shared

STORIES: tuple[Story, ...] = (
    Story("saraqib-strike", "Air strike hits market in Saraqib", "2024-03-14", "Levant Monitor",
          "IDLIB, Syria - Government warplanes carried out an air strike on a market in the "
          "town of Saraqib on Tuesday, killing at least seven civilians and wounding 12 others, "
          "local rescuers said."),
    Story("zamfara-abduction", "Gunmen raid villages in Zamfara", "2024-02-20", "Sahel Daily",
          "GUSAU, Nigeria - Gunmen abducted 23 villagers from Tsafe in Zamfara state on "
          "Sunday, police said."),
    Story("kherson-shelling", "Shelling in Kherson", "2023-09-08", "Dnipro Wire",
          "KHERSON, Ukraine - Russian forces shelled residential areas of Kherson on Thursday, "
          "killing two people and injuring five, the regional governor said."),
    Story("nairobi-protest", "Tax protest in Nairobi", "2023-07-10", "East Africa Post",
          "NAIROBI, Kenya - Thousands of protesters marched through central Nairobi on Friday "
          "against new taxes. Police fired tear gas to disperse the crowd, witnesses said."),
    Story("kirkuk-ied", "Roadside bomb near Kirkuk", "2022-05-03", "Tigris Daily",
          "KIRKUK, Iraq - A roadside bomb struck an army patrol near Kirkuk on Monday, killing "
          "three soldiers, a military statement said."),
    Story("omdurman-clash", "Clashes in Omdurman", "2023-05-12", "Nile Report",
          "KHARTOUM, Sudan - Heavy fighting broke out between the Sudanese army and the Rapid "
          "Support Forces in Omdurman on Wednesday, killing at least 14 fighters, residents "
          "said."),
    Story("mogadishu-arrests", "Arrests in Mogadishu", "2024-01-18", "Horn Herald",
          "MOGADISHU, Somalia - Security forces arrested 12 suspected al-Shabaab members in "
          "Mogadishu on Wednesday, the interior ministry said."),
    Story("kabul-bombing", "Suicide attack in Kabul", "2022-09-30", "Hindu Kush Times",
          "KABUL, Afghanistan - A suicide bomber blew himself up at an education centre in "
          "Kabul on Friday, killing 19 students, police said."),
    Story("mali-attack", "Villagers killed in central Mali", "2023-03-02", "Sahel Daily",
          "BAMAKO, Mali - Suspected jihadists killed nine civilians in an attack on a village "
          "near Mopti on Tuesday, local officials said."),
    Story("bamako-prices", "Food prices climb", "2023-03-02", "Sahel Daily",
          "BAMAKO, Mali - Traders in Bamako said on Tuesday that the prices of rice and millet "
          "rose sharply this month."),
    Story("mosul-clash", "Fighting in eastern Mosul", "2016-11-08", "Tigris Daily",
          "MOSUL, Iraq - Iraqi forces clashed with Islamic State fighters in the east of Mosul "
          "on Monday, killing six militants, a military statement said.\n\n"
          "Islamic State fighters overran the city in June 2014 and declared a caliphate "
          "there."),
)
EVENTLESS = {"bamako-prices"}
BY_ID = {s.id: s for s in STORIES}


def write_stories(folder: Path, stories: tuple[Story, ...] = STORIES) -> Path:
    return write_shared(folder, stories)


def records(jsonl: str) -> list[dict[str, Any]]:
    """The event records of JSON-lines output, each checked against the JSON Schema."""
    found = []
    for line in jsonl.splitlines():
        if line.strip():
            record = json.loads(line)
            validate_event(record)
            found.append(record)
    return found


def sitrep_command() -> list[str]:
    """The installed `sitrep` console script (next to the interpreter, else on PATH)."""
    beside = Path(sys.executable).parent / "sitrep"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("sitrep")
    if found:
        return [found]
    return [sys.executable, "-c", "from sitrep.cli import main; main()"]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))
