"""Titles for the demo library: the classics and series as written in the pools, then invented ones of each genre
up to the planned count; ISBNs (most titles) and how many copies of each."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from center_app.demo.pools import fen, table_lines, yuan
from center_app.demo.pools.books import (
    ABILITIES,
    ANIMALS,
    AUTHOR_GIVEN,
    CLASSIC_SHELF,
    CLASSICS,
    CN_DIGITS,
    DOINGS,
    DYNASTIES,
    FAIRY_ADJ,
    FAIRY_BEINGS,
    FAIRY_ENDS,
    FAIRY_LANDS,
    FAMILY,
    FAMILY_THINGS,
    FESTIVALS,
    FOREIGN,
    GENRES,
    KNOWN_ISBN,
    OBJECTS,
    PEOPLE,
    PICTURE_FIXED,
    PLACES,
    PUBLISHERS,
    PUBLISHERS_BY_GENRE,
    SCIENCE_SERIES,
    SCIENCE_TOPICS,
    SERIES,
    STORY_FIXED,
    STORY_NAMES,
    STORY_PLACES,
    STORY_THINGS,
    STORY_TIMES,
    STORY_YOUTH,
)
from center_app.demo.pools.people import SURNAMES_COMMON
from center_app.demo.state import Plan
from center_app.domain.books import match_key
from center_app.domain.isbn import make_china_isbn13


@dataclass(eq=False)
class Title:
    """A book title before it is written: catalogue fields plus how often children pick it (popularity)."""

    title: str
    author: str
    publisher: str
    clc: str
    band: str
    price: int | None
    subjects: str
    shelf: str
    popularity: float
    year: int | None
    isbn: str | None = None

    @property
    def classic(self) -> bool:
        return self.popularity >= 4


class TitleMaker:
    """Plans the titles (nothing written here); a hand-written title is used once per fill."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.today = plan.today
        self.fixed_used: set[str] = set()

    def title_specs(self, rng: random.Random) -> list[Title]:
        """Classics and series first (one edition each), then generated titles up to the planned count."""
        this_year = self.today.year
        specs: list[Title] = []
        seen: set[str] = set()

        def add(spec: Title) -> None:
            key = match_key(spec.title, spec.author)
            if key not in seen:  # one record per title and author, as the catalogue's duplicate check wants
                seen.add(key)
                specs.append(spec)

        for title, author, publisher, clc, band, price, subjects in table_lines(CLASSICS):
            year = rng.randint(2012, this_year)
            add(Title(title, author, publisher, clc, band, yuan(price), subjects, CLASSIC_SHELF, 6.0, year))
        for series, author, publisher, clc, band, price, subjects, volumes in table_lines(SERIES):
            shelf = "E" if clc.startswith("Z") else ("F" if clc.startswith("K") else CLASSIC_SHELF)
            year = rng.randint(2012, this_year)
            for volume in volumes.split(","):
                title = f"{series}·{volume}"
                add(Title(title, author, publisher, clc, band, yuan(price), subjects, shelf, 4.0, year))

        genres = list(GENRES)
        weights = [GENRES[g][0] for g in genres]
        while len(specs) < self.plan.titles:
            genre = rng.choices(genres, weights)[0]
            _w, shelf, classes, bands, (lo, hi), subjects = GENRES[genre]
            title, author, clc, band = self.generated_title(rng, genre)
            # Mostly recent editions: donors give what families and shops have.
            year = min(this_year, 1995 + int(rng.triangular(0, this_year - 1995 + 1, this_year - 1995)))
            popularity = {"picture": 2.0, "fairy": 1.6, "story": 1.5, "science": 1.2}.get(genre, 0.6)
            add(
                Title(
                    title=title,
                    author=author,
                    publisher=rng.choice(PUBLISHERS_BY_GENRE[genre]),
                    clc=clc or rng.choice(classes),
                    band=band or rng.choice(bands),
                    price=fen(rng, lo, hi),
                    subjects=subjects,
                    shelf=shelf,
                    popularity=popularity * rng.uniform(0.3, 1.7),
                    year=year,
                )
            )
        return specs

    def fixed_title(self, rng: random.Random, pool: Sequence[str]) -> str | None:
        """A hand-written title, each used once (so scale 25 has no hundred books called 我的村庄)."""
        left = [t for t in pool if t not in self.fixed_used]
        if not left:
            return None
        title = rng.choice(left)
        self.fixed_used.add(title)
        return title

    def cn_author(self, rng: random.Random) -> str:
        given = "".join(rng.choice(AUTHOR_GIVEN) for _ in range(rng.choice((1, 2, 2))))
        return rng.choice(SURNAMES_COMMON) + given

    def generated_title(self, rng: random.Random, genre: str) -> tuple[str, str, str, str]:
        """(title, author, CLC class or "", grade band or "") for one invented book of ``genre``."""
        a, o, d = rng.choice(ANIMALS), rng.choice(OBJECTS), rng.choice(DOINGS)
        author = self.cn_author(rng)
        clc = band = ""
        if genre == "picture":
            if rng.random() < 0.2:  # a translated picture book
                country = rng.choice(list(FOREIGN))
                clc, names = FOREIGN[country]
                author = f"[{country}]{rng.choice(names)}"
            else:
                author += rng.choice(("", "", " 文·图", " 编绘"))
            title = rng.choice(
                (
                    f"{a}{d}",
                    f"{a}的{o}",
                    f"{a}和{rng.choice(ANIMALS)}",
                    f"会{rng.choice(ABILITIES)}的{a}",
                    f"{rng.choice(PLACES)}的{o}",
                    f"{rng.choice(FAMILY)}的{rng.choice(FAMILY_THINGS)}",
                    self.fixed_title(rng, PICTURE_FIXED) or f"{a}{d}",
                )
            )
        elif genre == "fairy":
            title = rng.choice(
                (
                    f"{rng.choice(FAIRY_ADJ)}{rng.choice(FAIRY_BEINGS)}",
                    f"{rng.choice(FAIRY_LANDS)}{rng.choice(FAIRY_ENDS)}",
                    f"{rng.choice(FAIRY_BEINGS)}{rng.choice(FAIRY_ENDS)}",
                    f"{a}{rng.choice(FAIRY_ENDS)}",
                )
            )
        elif genre == "story":
            title = rng.choice(
                (
                    f"{rng.choice(STORY_PLACES)}的{rng.choice(STORY_TIMES)}",
                    f"{rng.choice(STORY_NAMES)}的{rng.choice(STORY_THINGS)}",
                    f"{CN_DIGITS[rng.randint(3, 6)]}年级{CN_DIGITS[rng.randint(1, 3)]}班的{rng.choice(STORY_THINGS)}",
                    f"我和{rng.choice(FAMILY)}",
                    f"{rng.choice(STORY_YOUTH)}少年",
                    f"{rng.choice(STORY_PLACES)}的约定",
                    self.fixed_title(rng, STORY_FIXED) or f"{rng.choice(STORY_YOUTH)}少年",
                )
            )
        elif genre == "science":
            topic, topic_clc = rng.choice(SCIENCE_TOPICS)
            series = rng.choice(SCIENCE_SERIES)
            if series in ("图说", "走进", "漫画"):
                title = f"{series}{topic}" + ("世界" if series == "走进" else "")
            elif series in ("给孩子的", "我的第一本"):
                title = f"{series}{topic}书"
            else:
                title = f"{series}·{topic}"
            clc = topic_clc if rng.random() < 0.6 else rng.choice(("N49", "Z228.1"))
            author = rng.choice((f"{author} 主编", f"{author} 编著", f"{author} 著", "本书编写组"))
        elif genre == "history":
            title, clc = rng.choice(
                (
                    (f"写给儿童的中国历史·{rng.choice(DYNASTIES)}", "K209"),
                    (f"{rng.choice(PEOPLE)}的故事", "K82"),
                    (f"中国传统节日故事·{rng.choice(FESTIVALS)}", "K892.1"),
                    (f"广西民间故事（{CN_DIGITS[rng.randint(1, 9)]}）", "I277.2"),
                    (f"中华成语故事·第{CN_DIGITS[rng.randint(1, 9)]}册", "H136.31"),
                    (f"壮族民间故事选（{CN_DIGITS[rng.randint(1, 9)]}）", "I277.2"),
                )
            )
        elif genre == "study":
            term = rng.choice(("上册", "下册"))
            kind = rng.randrange(6)
            grade = rng.randint(1, 2) if kind == 1 else rng.randint(3 if kind == 5 else 1, 6)
            g = CN_DIGITS[grade]
            band = "1-2" if grade <= 2 else ("3-4" if grade <= 4 else "5-6")
            title, clc = (
                (f"小学生{g}年级同步作文", "G624.243"),
                (f"看图写话·{g}年级", "G624.243"),
                (f"口算心算速算·{g}年级{term}", "G624.503"),
                (f"小学语文阅读训练·{g}年级", "G624.233"),
                (f"小学生字帖·{g}年级{term}", "G624.233"),
                (f"小学英语同步练习·{g}年级{term}", "G624.313"),
            )[kind]
            author = rng.choice((f"{author} 主编", "本书编写组"))
        else:  # poetry and prose
            title = rng.choice(
                (
                    f"{rng.choice(STORY_TIMES)}的儿歌",
                    f"{rng.choice(FAMILY)}的诗",
                    f"{rng.choice(PLACES)}的童谣",
                    f"给孩子的{rng.choice(('散文', '童诗', '儿歌', '古诗'))}（{CN_DIGITS[rng.randint(1, 6)]}）",
                )
            )
        return title, author, clc, band

    def assign_isbns(self, rng: random.Random, specs: list[Title]) -> None:
        """~15 % of titles have no ISBN (old donations, school-printed readers); the rest a unique 978-7 one."""
        used: set[str] = set(KNOWN_ISBN.values())
        for spec in specs:
            known = KNOWN_ISBN.get((spec.title, spec.publisher))
            if known:
                spec.isbn = known
                continue
            if not spec.classic and rng.random() < 0.15:
                if rng.random() < 0.3:
                    spec.year = None
                if rng.random() < 0.3:
                    spec.price = None
                continue
            registrant = PUBLISHERS[spec.publisher]
            width = 8 - len(registrant)
            while True:
                isbn = make_china_isbn13(registrant, rng.randrange(10**width))
                if isbn not in used:
                    used.add(isbn)
                    spec.isbn = isbn
                    break

    def copy_counts(self, rng: random.Random, specs: list[Title]) -> list[int]:
        """1–6 copies a title (classics 3–6), then nudged to exactly the planned total."""
        counts = [
            rng.randint(3, 6) if s.classic else rng.choices((1, 2, 3, 4, 5, 6), (22, 28, 22, 14, 8, 6))[0]
            for s in specs
        ]
        total = sum(counts)
        while total < self.plan.copies:
            i = rng.randrange(len(counts))
            if counts[i] < 6:
                counts[i] += 1
                total += 1
        while total > self.plan.copies:
            i = rng.randrange(len(counts))
            if counts[i] > 1:
                counts[i] -= 1
                total -= 1
        return counts
