"""The demo centre: a believable 古楼村 children's centre for demos, manual testing and benchmarks.

``fill_demo`` writes a whole centre — donors, ~1,500 titles and 4,000+ copies, 200+ pieces of equipment, 120 children
with guardians, volunteers, timetables, activities, a term of attendance and loans — into an *empty* store, in one
transaction. Scale ``N`` multiplies the library and stretches the records to ~N/2.5 years, for benchmarks.

How it is built, and why:

* Everything comes from ``random.Random`` streams seeded by ``seed`` plus a part name, and every date is relative to
  ``today``: the same seed and day give the same centre, and one part can change without reshuffling the others.
  Nothing iterates over a ``set`` of strings (hash order differs between processes).
* Rows are plain dicts written with bulk Core inserts through :class:`_Writer`, which assigns primary keys itself
  (so children reference parents without round trips) and flushes parents before children in chunks, keeping
  memory flat at scale 25 (a million attendance marks never sit in memory at once).
* History is *simulated* day by day rather than sampled independently, so it is consistent the way real data is:
  a copy is never on two loans at once, a child never holds more books than the loan rule allows, a child borrows
  only on a day they are marked present, loans end before a child leaves, nothing is lent before it was donated.
* Instants are stored as naive UTC (the schema's rule); demo times are chosen in China time (UTC+8) and converted.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db import models as m
from center_app.domain.books import match_key
from center_app.domain.children import grade_label
from center_app.domain.errors import DomainError
from center_app.domain.isbn import make_china_isbn13
from center_app.domain.pinyin import person_name_keys, pinyin_keys
from center_app.services import audit

Row = dict[str, Any]
Progress = Callable[[int, str], None]

DEFAULT_SEED = 20261129
MAX_SCALE = 100

CENTRE_NAME = "古楼村留守儿童关爱活动中心"
CENTRE_ADDRESS = "广西壮族自治区贺州市钟山县古楼村"

_UTC_OFFSET = dt.timedelta(hours=8)  # China Standard Time, no daylight saving
_NEVER = 10**9  # an ordinal later than any date: "not free again"


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each headline kind ``fill_demo`` wrote."""

    titles: int
    copies: int
    children: int
    equipment_items: int
    volunteers: int
    activities: int
    attendance_marks: int
    loans: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def fill_demo(
    ctx: AppContext,
    *,
    scale: int = 1,
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty store with a demo centre (see the module doc). Refuses a store that already holds data."""
    if not isinstance(scale, int) or not 1 <= scale <= MAX_SCALE:
        raise DomainError(f"演示数据规模应为 1 到 {MAX_SCALE} 之间的整数。")
    plan = _Plan.for_scale(scale, today or dt.date.today())
    report = progress or (lambda _percent, _message: None)
    report(0, "正在检查数据库……")
    with ctx.db.session() as s:
        _refuse_if_not_empty(s)
        builder = _Builder(s, plan, seed, report, ctx.actor.user_id)
        summary = builder.run()
        audit.record(
            s,
            ctx.actor,
            "create",
            "demo",
            "",
            f"生成演示数据（规模 {scale}，种子 {seed}）：图书 {summary.titles} 种 {summary.copies} 册，"
            f"儿童 {summary.children} 名，器材 {summary.equipment_items} 种，借阅 {summary.loans} 条",
        )
        report(99, "正在保存……")
    report(100, "演示数据已生成。")
    return summary


def _refuse_if_not_empty(s: Session) -> None:
    # Checked inside the writing transaction (BEGIN IMMEDIATE holds the write lock), so nothing can slip in
    # between the check and the fill.
    guarded = (m.Child, m.BookCopy, m.BookTitle, m.EquipmentItem, m.Volunteer, m.Activity, m.Donor)
    for model in guarded:
        if s.scalar(select(func.count()).select_from(model)):
            raise DomainError(
                "数据库里已经有儿童、图书或其他业务数据，不能再生成演示数据（以免演示数据和真实数据混在一起）。"
                "请换一个空的数据文件夹再试。"
            )


# --- plan ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    scale: int
    today: dt.date
    titles: int
    copies: int
    children: int
    equipment_items: int
    span_days: int  # attendance, loans and equipment lending cover the open days of this many past days
    left_share: float  # children who have already left (the rest are active)

    @classmethod
    def for_scale(cls, scale: int, today: dt.date) -> _Plan:
        # Scale 1 is "one term"; above that the records stretch to scale/2.5 years (25 → ten years).
        span_days = 90 if scale == 1 else max(90, round(365.25 * scale / 2.5))
        years = span_days / 365.25
        # With a fixed number of children and a long history, most of them have grown up and left: a child
        # stays ~4 years, so the share who left grows with the span (a few at scale 1).
        left_share = 0.03 if scale == 1 else min(0.7, years / (years + 4))
        return cls(
            scale=scale,
            today=today,
            titles=1500 * scale,
            copies=4000 * scale + 100,
            children=120 * min(scale, 4),
            equipment_items=200 * min(scale, 5),
            span_days=span_days,
            left_share=left_share,
        )

    @property
    def span_start(self) -> dt.date:
        return self.today - dt.timedelta(days=self.span_days)

    @property
    def yesterday(self) -> dt.date:
        return self.today - dt.timedelta(days=1)


# --- calendar -----------------------------------------------------------------------------------------------

# 春节 (first day of the lunar year); other years fall back to early February, which is close enough for a demo.
_SPRING_FESTIVAL = {
    2014: (1, 31),
    2015: (2, 19),
    2016: (2, 8),
    2017: (1, 28),
    2018: (2, 16),
    2019: (2, 5),
    2020: (1, 25),
    2021: (2, 12),
    2022: (2, 1),
    2023: (1, 22),
    2024: (2, 10),
    2025: (1, 29),
    2026: (2, 17),
    2027: (2, 6),
    2028: (1, 26),
    2029: (2, 13),
    2030: (2, 3),
    2031: (1, 23),
    2032: (2, 11),
    2033: (1, 31),
    2034: (2, 19),
    2035: (2, 8),
}


def spring_festival(year: int) -> dt.date:
    month, day = _SPRING_FESTIVAL.get(year, (2, 5))
    return dt.date(year, month, day)


def holidays(year: int, rng: random.Random) -> list[tuple[dt.date, str]]:
    """The days the centre is shut in ``year``: public holidays and one rainstorm closure in June."""
    out: list[tuple[dt.date, str]] = [(dt.date(year, 1, 1), "元旦")]
    sf = spring_festival(year)
    out += [(sf + dt.timedelta(days=i), "春节") for i in range(-1, 6)]
    out.append((dt.date(year, 4, 4 if year % 4 in (0, 1) else 5), "清明节"))
    out += [(dt.date(year, 5, d), "劳动节") for d in range(1, 6)]
    out.append((dt.date(year, 6, rng.randint(8, 26)), "暴雨红色预警，停课停园"))
    out += [(dt.date(year, 10, d), "国庆节") for d in range(1, 8)]
    return out


def school_year(day: dt.date) -> int:
    """The year a school year started in (September)."""
    return day.year if day.month >= 9 else day.year - 1


@dataclass(frozen=True)
class _Period:
    kind: str  # weekly | summer
    name: str
    start: dt.date
    end: dt.date


def _periods_of(year: int) -> list[_Period]:
    spring_start = min(
        max(dt.date(year, 2, 15), spring_festival(year) + dt.timedelta(days=16)), dt.date(year, 3, 2)
    )
    july10 = dt.date(year, 7, 10)
    camp_start = july10 + dt.timedelta(days=(7 - july10.weekday()) % 7)  # the Monday on or after 10 July
    return [
        _Period("weekly", f"{year}年春季学期课表", spring_start, dt.date(year, 7, 5)),
        _Period("summer", f"{year}年暑期夏令营课表", camp_start, camp_start + dt.timedelta(days=25)),
        _Period("weekly", f"{year}年秋季学期课表", dt.date(year, 9, 1), dt.date(year + 1, 1, 20)),
    ]


def _periods_for(span_start: dt.date, yesterday: dt.date) -> list[_Period]:
    """Timetables to create: every term/summer overlapping the span, plus the latest summer and term begun."""
    candidates = [p for y in range(span_start.year - 1, yesterday.year + 1) for p in _periods_of(y)]
    begun = [p for p in candidates if p.start <= yesterday]
    chosen = [p for p in begun if p.end >= span_start]
    for kind in ("summer", "weekly"):
        latest = max((p for p in begun if p.kind == kind), key=lambda p: p.start)
        if latest not in chosen:
            chosen.append(latest)
    return sorted(chosen, key=lambda p: p.start)


@cache
def _school_day(day: dt.date) -> bool:
    """Mon–Fri inside a term: children come after school. Otherwise (Saturday, holidays) they come all day."""
    if day.isoweekday() >= 6:
        return False
    return any(
        p.kind == "weekly" and p.start <= day <= p.end
        for y in (day.year - 1, day.year)
        for p in _periods_of(y)
    )


def _local(day: dt.date, minute_of_day: int) -> dt.datetime:
    """A China-time moment (minutes after midnight on ``day``) as the naive UTC instant the schema stores."""
    return dt.datetime(day.year, day.month, day.day) + dt.timedelta(minutes=minute_of_day) - _UTC_OFFSET


def _hm(minute_of_day: int) -> dt.time:
    return dt.time(minute_of_day // 60, minute_of_day % 60)


def _date(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)


# --- text pools ---------------------------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """``"a:1 b:2"`` → ``(("a", "1"), ("b", "2"))``."""
    return tuple((k, v) for k, _, v in (w.partition(":") for w in text.split()))


def _weights(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((k, int(v)) for k, v in _pairs(text))


# All invented except where a real thing makes the demo recognisable (classic books, publishers, cities).

# Publisher → ISBN registrant in group 7. Registrants follow the publishers' real prefixes where known; the item
# numbers are invented, so the ISBNs are valid but fictional (except 西游记's, a well-known real one).
_PUBLISHERS: dict[str, str] = {
    "人民文学出版社": "02",
    "商务印书馆": "100",
    "中华书局": "101",
    "人民教育出版社": "107",
    "天天出版社": "5016",
    "中国大百科全书出版社": "5202",
    "北京少年儿童出版社": "5301",
    "新蕾出版社": "5307",
    "春风文艺出版社": "5313",
    "上海译文出版社": "5327",
    "明天出版社": "5332",
    "浙江教育出版社": "5338",
    "浙江少年儿童出版社": "5342",
    "海燕出版社": "5350",
    "四川少年儿童出版社": "5365",
    "希望出版社": "5379",
    "二十一世纪出版社": "5391",
    "福建少年儿童出版社": "5395",
    "安徽少年儿童出版社": "5397",
    "河北教育出版社": "5434",
    "南海出版公司": "5442",
    "译林出版社": "5447",
    "接力出版社": "5448",
    "中国少年儿童新闻出版总社": "5148",
    "少年儿童出版社": "5324",
    "广西科学技术出版社": "5551",
    "长江少年儿童出版社": "5560",
    "湖南少年儿童出版社": "5562",
    "江苏凤凰少年儿童出版社": "5584",
    "广西师范大学出版社": "5598",
    "华东师范大学出版社": "5760",
}

_KNOWN_ISBN = {("西游记", "人民文学出版社"): "9787020002207"}

# title|author|publisher|CLC class|grade band|price (yuan)|subjects
_CLASSICS = """
西游记|吴承恩|人民文学出版社|I242.4|5-6|47.00|古典小说
水浒传|施耐庵|人民文学出版社|I242.4|5-6|49.00|古典小说
三国演义|罗贯中|人民文学出版社|I242.4|5-6|49.00|古典小说
红楼梦|曹雪芹|人民文学出版社|I242.4|5-6|59.70|古典小说
草房子|曹文轩|天天出版社|I287.5|5-6|25.00|儿童小说
青铜葵花|曹文轩|天天出版社|I287.5|5-6|25.00|儿童小说
稻草人|叶圣陶|人民文学出版社|I287.7|3-4|18.00|童话
城南旧事|林海音|人民文学出版社|I247.5|5-6|22.00|小说
没头脑和不高兴|任溶溶|浙江少年儿童出版社|I287.7|1-2|20.00|童话
小猪唏哩呼噜|孙幼军|春风文艺出版社|I287.7|1-2|22.00|童话
小布头奇遇记|孙幼军|中国少年儿童新闻出版总社|I287.7|1-2|18.00|童话
大头儿子和小头爸爸|郑春华|浙江少年儿童出版社|I287.7|1-2|20.00|童话
小巴掌童话|张秋生|浙江少年儿童出版社|I287.7|1-2|20.00|童话
宝葫芦的秘密|张天翼|人民文学出版社|I287.7|3-4|20.00|童话
大林和小林|张天翼|人民文学出版社|I287.7|3-4|20.00|童话
小英雄雨来|管桦|人民文学出版社|I287.5|3-4|18.00|儿童小说
小兵张嘎|徐光耀|人民文学出版社|I287.5|5-6|22.00|儿童小说
闪闪的红星|李心田|人民文学出版社|I287.5|5-6|22.00|儿童小说
鸡毛信|华山|中国少年儿童新闻出版总社|I287.5|3-4|15.00|儿童小说
皮皮鲁传|郑渊洁|浙江少年儿童出版社|I287.7|3-4|22.00|童话
舒克和贝塔|郑渊洁|浙江少年儿童出版社|I287.7|3-4|22.00|童话
狼王梦|沈石溪|浙江少年儿童出版社|I287.5|5-6|22.00|动物小说
斑羚飞渡|沈石溪|浙江少年儿童出版社|I287.5|5-6|20.00|动物小说
第七条猎狗|沈石溪|浙江少年儿童出版社|I287.5|5-6|20.00|动物小说
红奶羊|沈石溪|浙江少年儿童出版社|I287.5|5-6|20.00|动物小说
男生贾里全传|秦文君|少年儿童出版社|I287.5|5-6|28.00|儿童小说
女生贾梅全传|秦文君|少年儿童出版社|I287.5|5-6|28.00|儿童小说
我要做个好孩子|黄蓓佳|江苏凤凰少年儿童出版社|I287.5|5-6|25.00|儿童小说
今天我是升旗手|黄蓓佳|江苏凤凰少年儿童出版社|I287.5|5-6|25.00|儿童小说
繁星·春水|冰心|人民文学出版社|I226|5-6|16.00|诗歌
寄小读者|冰心|人民文学出版社|I266|5-6|18.00|散文
朝花夕拾|鲁迅|人民文学出版社|I210.4|5-6|18.00|散文
呼兰河传|萧红|人民文学出版社|I246.5|5-6|25.00|小说
骆驼祥子|老舍|人民文学出版社|I246.5|5-6|25.00|小说
三毛流浪记|张乐平|少年儿童出版社|J228.2|3-4|25.00|漫画
中国神话故事|袁珂 编|少年儿童出版社|I277.3|3-4|25.00|神话
中国古代寓言故事|本书编写组|中国少年儿童新闻出版总社|I277.4|3-4|20.00|寓言
中华成语故事|本书编写组|少年儿童出版社|H136.31|3-4|25.00|成语故事
唐诗三百首|蘅塘退士 编|中华书局|I222.742|3-4|30.00|古诗
三字经·百家姓·千字文|本书编写组|中华书局|H194.1|1-2|15.00|国学启蒙
上下五千年|林汉达 曹余章|少年儿童出版社|K209|5-6|60.00|中国历史
雷锋的故事|陈广生|中国少年儿童新闻出版总社|K828.2|3-4|18.00|人物故事
中国少年儿童百科全书|林崇德 主编|浙江教育出版社|Z228.1|3-4|98.00|百科全书
新华字典|中国社会科学院语言研究所|商务印书馆|H163|1-2|19.90|工具书
成语大词典|本书编写组|商务印书馆|H136.31|5-6|39.90|工具书
夏洛的网|[美]E.B.怀特|上海译文出版社|I712.88|3-4|28.00|外国儿童文学
精灵鼠小弟|[美]E.B.怀特|上海译文出版社|I712.88|3-4|25.00|外国儿童文学
小王子|[法]圣埃克苏佩里|人民文学出版社|I565.88|3-4|22.00|外国童话
安徒生童话|[丹麦]安徒生|人民文学出版社|I534.88|3-4|29.00|外国童话
格林童话|[德]格林兄弟|人民文学出版社|I516.88|3-4|29.00|外国童话
伊索寓言|[古希腊]伊索|人民文学出版社|I545.74|3-4|20.00|寓言
昆虫记|[法]法布尔|人民文学出版社|Q96|5-6|36.00|科普读物
爱的教育|[意]亚米契斯|人民文学出版社|I546.84|5-6|25.00|外国儿童文学
鲁滨逊漂流记|[英]笛福|人民文学出版社|I561.44|5-6|25.00|外国小说
汤姆·索亚历险记|[美]马克·吐温|人民文学出版社|I712.44|5-6|25.00|外国小说
海底两万里|[法]凡尔纳|译林出版社|I565.44|5-6|32.00|科幻小说
绿野仙踪|[美]弗兰克·鲍姆|浙江少年儿童出版社|I712.84|3-4|22.00|外国童话
爱丽丝漫游奇境|[英]刘易斯·卡罗尔|浙江少年儿童出版社|I561.84|3-4|22.00|外国童话
彼得·潘|[英]巴里|浙江少年儿童出版社|I561.84|3-4|22.00|外国童话
木偶奇遇记|[意]科洛迪|浙江少年儿童出版社|I546.84|3-4|22.00|外国童话
窗边的小豆豆|[日]黑柳彻子|南海出版公司|I313.45|3-4|25.00|外国儿童文学
长袜子皮皮|[瑞典]林格伦|中国少年儿童新闻出版总社|I532.84|3-4|22.00|外国儿童文学
小飞人卡尔松|[瑞典]林格伦|中国少年儿童新闻出版总社|I532.84|3-4|22.00|外国儿童文学
秘密花园|[美]伯内特|译林出版社|I712.84|5-6|26.00|外国儿童文学
柳林风声|[英]格雷厄姆|译林出版社|I561.84|5-6|26.00|外国儿童文学
尼尔斯骑鹅旅行记|[瑞典]拉格洛夫|译林出版社|I532.84|5-6|32.00|外国儿童文学
假如给我三天光明|[美]海伦·凯勒|译林出版社|K837.12|5-6|25.00|人物传记
童年|[苏]高尔基|人民文学出版社|I512.44|5-6|25.00|外国小说
钢铁是怎样炼成的|[苏]奥斯特洛夫斯基|人民文学出版社|I512.45|5-6|35.00|外国小说
哈利·波特与魔法石|[英]J.K.罗琳|人民文学出版社|I561.84|5-6|39.50|外国儿童文学
猜猜我有多爱你|[英]山姆·麦克布雷尼|明天出版社|I561.85|1-2|32.80|图画故事
好饿的毛毛虫|[美]艾瑞·卡尔|明天出版社|I712.85|1-2|36.80|图画故事
大卫，不可以|[美]大卫·香农|河北教育出版社|I712.85|1-2|35.00|图画故事
我爸爸|[英]安东尼·布朗|河北教育出版社|I561.85|1-2|29.80|图画故事
我妈妈|[英]安东尼·布朗|河北教育出版社|I561.85|1-2|29.80|图画故事
逃家小兔|[美]玛格丽特·怀兹·布朗|明天出版社|I712.85|1-2|29.80|图画故事
母鸡萝丝去散步|[英]佩特·哈群斯|明天出版社|I561.85|1-2|29.80|图画故事
小蓝和小黄|[美]李欧·李奥尼|南海出版公司|I712.85|1-2|32.00|图画故事
小黑鱼|[美]李欧·李奥尼|南海出版公司|I712.85|1-2|32.00|图画故事
爷爷一定有办法|[加]菲比·吉尔曼|明天出版社|I711.85|1-2|32.80|图画故事
花婆婆|[美]芭芭拉·库尼|河北教育出版社|I712.85|1-2|35.00|图画故事
鼠小弟的小背心|[日]中江嘉男|南海出版公司|I313.85|1-2|25.00|图画故事
团圆|余丽琼|明天出版社|I287.8|1-2|32.80|图画故事
一园青菜成了精|周翔 编绘|明天出版社|I287.8|1-2|32.80|图画故事
安的种子|王早早|海燕出版社|I287.8|1-2|32.80|图画故事
"""

# series|author|publisher|CLC|band|price|subjects|volumes (comma separated; "·" joins series and volume)
_SERIES = """
十万个为什么|韩启德 主编|少年儿童出版社|Z228.1|3-4|35.00|科普读物|动物卷,植物卷,天文卷,地球卷,人体卷,物理卷,化学卷,数学卷,航空航天卷,电子与信息卷,古生物卷,海洋卷,建筑与交通卷,能源与环境卷,医学卷,武器与国防卷,生命卷,大脑与认知卷
淘气包马小跳|杨红樱|接力出版社|I287.5|3-4|20.00|儿童小说|贪玩老爸,轰隆隆老师,笨女孩安琪儿,四个调皮蛋,同桌冤家,暑假奇遇,天真妈妈,漂亮老师和坏小子,小大人丁文涛,宠物集中营
笑猫日记|杨红樱|明天出版社|I287.7|3-4|20.00|童话|保姆狗的阴谋,塔顶上的猫,想变成人的猴子,能闻出孩子味儿的乌龟,幸福的鸭子,虎皮猫，你在哪里,蓝色的兔耳朵草,小猫出生在秘密山洞,球球老老鼠,绿狗山庄
米小圈上学记|北猫|四川少年儿童出版社|I287.5|1-2|19.80|儿童小说|一年级（1）,一年级（2）,一年级（3）,一年级（4）,二年级（1）,二年级（2）,三年级（1）,三年级（2）
不一样的卡梅拉|[法]克利斯提昂·约里波瓦|二十一世纪出版社|I565.85|1-2|15.00|图画故事|我想去看海,我想有颗星星,我去找回太阳,我能打败怪兽,我爱小黑猫,我想要爸爸,我好喜欢她,我要找到朗朗
林汉达中国历史故事集|林汉达|少年儿童出版社|K209|5-6|28.00|中国历史|春秋故事,战国故事,西汉故事,东汉故事,三国故事
"""

# Generated titles: (genre, weight). Each genre has a shelf letter, CLC choices, grade bands and price range.
_GENRES: dict[str, tuple[float, str, tuple[str, ...], tuple[str, ...], tuple[int, int], str]] = {
    # genre: (weight, shelf, clc classes, bands, price yuan range, subjects)
    "picture": (30, "A", ("I287.8",), ("1-2",), (22, 45), "图画故事"),
    "fairy": (17, "B", ("I287.7",), ("1-2", "3-4"), (15, 32), "童话"),
    "story": (20, "C", ("I287.5", "I287.5", "I287", "I247.5"), ("3-4", "5-6"), (18, 38), "儿童小说"),
    "science": (15, "E", ("N49",), ("1-2", "3-4", "5-6"), (20, 58), "科普读物"),
    "history": (6, "F", ("K209",), ("3-4", "5-6"), (20, 40), "历史故事"),
    "study": (8, "G", ("G624",), ("1-2", "3-4", "5-6"), (19, 35), "学习辅导"),
    "poetry": (4, "B", ("I287.2", "I287.6", "I287"), ("1-2", "3-4", "5-6"), (15, 28), "儿童诗歌散文"),
}
_CLASSIC_SHELF = "D"

_ANIMALS = _words(
    "小熊 小兔 小猪 小狐狸 小刺猬 小松鼠 小老鼠 小象 小猴子 小鸭子 小鸡 小青蛙 小乌龟 小狮子 小老虎 小蚂蚁 "
    "小蜗牛 小企鹅 小熊猫 小羊 小马 小牛 小狗 小猫 小鹿 小燕子 小蝌蚪 小海豚 大灰狼 狐狸先生 猫头鹰 长颈鹿 "
    "大象 河马 小水牛 小黄狗 小画眉"
)
_OBJECTS = _words(
    "雨伞 红气球 帽子 围巾 新鞋子 生日蛋糕 小房子 彩色铅笔 风筝 月亮 星星 种子 礼物 信 自行车 小船 镜子 "
    "魔法棒 南瓜 苹果 口袋 灯笼 花园 被子 竹篮 斗笠 绣球"
)
_DOINGS = _words(
    "找妈妈 过生日 学游泳 去上学 交朋友 搬新家 看星星 种南瓜 上幼儿园 去旅行 学画画 要睡觉 不想洗澡 去奶奶家 "
    "去赶集 过新年 找朋友 学飞 想长大 生气了 害怕打雷 迷路了 当医生 做蛋糕 去钓鱼 等春天 数星星"
)
_FAMILY = _words("爷爷 奶奶 外公 外婆 爸爸 妈妈 哥哥 姐姐")
_FAMILY_THINGS = _words("菜园 旧怀表 针线盒 老水牛 竹椅 收音机 小木船 大箱子 故事 手机 信 背篓 草帽 油茶")
_ABILITIES = _words("飞 唱歌 跳舞 说话 画画 变色 写信 隐身")
_PLACES = _words("森林里 山坡上 小河边 村口 屋顶上 田野里 云朵上 榕树下")
_PICTURE_FIXED = _words(
    "我爱我的奶奶 爸爸在远方 妈妈什么时候回来 一起去赶集 春节回家 我的村庄 下雨天 好大的一场雪 "
    "谁的脚印 月亮船 我会自己穿衣服 牙齿大街 排队喝水 会说话的手"
)
_FAIRY_ADJ = _words("会说话的 长翅膀的 爱哭的 勇敢的 孤独的 快乐的 神奇的 隐身的 不睡觉的 爱笑的 迷路的")
_FAIRY_BEINGS = _words(
    "小精灵 小王子 稻草人 木偶 巨人 小女巫 小矮人 机器人 小龙 独角兽 魔法师 小公主 树精灵 雪人"
)
_FAIRY_LANDS = _words("魔法森林 月亮城堡 彩虹谷 云朵王国 糖果屋 星星岛 时间小镇 萤火虫村 镜子国 蘑菇村")
_FAIRY_ENDS = _words("历险记 奇遇记 的秘密 的传说 里的故事 探险记 漂流记")
_STORY_PLACES = _words("外婆家 山那边 小镇上 大榕树下 河对岸 操场边 稻田边 山坳里 老屋里 渡口")
_STORY_TIMES = _words("夏天 春天 秋天 冬天 童年 那些日子 暑假 雨季")
_STORY_NAMES = _words("阿福 小满 豆豆 丫丫 石头 二妞 小虎 春妮 阿朵 毛毛 小桃 牛牛 木木 阿宝 小芽")
_STORY_THINGS = _words("风筝 秘密 暑假 新同学 远方 小黄狗 竹笛 日记 愿望 书包 山歌 牛 木陀螺 铜鼓")
_STORY_YOUTH = _words("山村 足球 追风 放牛 种树 星空 稻田 少年 渡船 篮球")
_STORY_FIXED = _words(
    "等爸爸回家 开往城市的火车 留守的夏天 山那边的爸爸妈妈 电话那头的妈妈 奶奶的田 小小守林员 "
    "我们班的足球队 会飞的教室 山里的孩子 校门口的老槐树 一个人的暑假"
)
_SCIENCE_SERIES = _words("身边的科学 少儿科普百科 图说 走进 给孩子的 小学生科学探索 漫画 我的第一本")
# topic:CLC class (the rest of the popular-science shelf is N49 科普读物 / Z228.1 少儿百科)
_SCIENCE_TOPICS = _pairs(
    "恐龙:Q915 昆虫:Q96 鸟类:Q959.7 动物:Q95 海洋动物:Q95 植物:Q94 花草树木:Q94 宇宙:P159 太阳系:P18 地球:P183 天气:P4 火山与地震:P3 海洋:P7 人体:R32 交通工具:U 机器人:TP242 电和磁:N49 光和声音:N49 水:N49 空气:N49 岩石和矿物:P5 农作物:S5 发明:N49 科学小实验:N49 航天:V4 环境保护:X 数学:O1 百科知识:Z228.1"
)
_DYNASTIES = _words("夏商周 春秋战国 秦汉 三国两晋南北朝 隋唐 宋元 明朝 清朝 近代")
_PEOPLE = _words(
    "孔子 司马迁 张衡 李时珍 郑和 岳飞 戚继光 林则徐 詹天佑 华罗庚 钱学森 袁隆平 鲁迅 李白 杜甫 屈原 祖冲之"
)
_FESTIVALS = _words("春节 元宵节 清明节 端午节 七夕节 中秋节 重阳节 三月三")
_CN_DIGITS = "零一二三四五六七八九"

_SURNAMES_COMMON = _words(
    "王 李 张 刘 陈 杨 黄 赵 周 吴 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 萧 田 董 潘 袁 "
    "蔡 蒋 余 于 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 方 白 邹 孟 熊 秦 邱 江 "
    "尹 薛 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 武 戴 莫 孔 向 汤"
)
_AUTHOR_GIVEN = _words(
    "文 华 明 红 晓 春 秋 雨 云 海 平 建 国 丽 芳 静 岚 萍 燕 军 涛 林 风 冰 雪 霞 梅 英 杰 鸣 彬 安 宁 然 笑 玉 子 一 立 新"
)
_FOREIGN = {
    "美": ("I712.85", _words("艾米莉·史密斯 汤姆·布朗 凯特·米勒 约翰·戴维斯 莎拉·琼斯 马克·怀特")),
    "英": ("I561.85", _words("露西·格林 本·哈里斯 艾玛·克拉克 詹姆斯·伍德")),
    "法": ("I565.85", _words("苏菲·马丁 皮埃尔·杜邦 玛丽·勒布朗")),
    "德": ("I516.85", _words("汉斯·穆勒 安娜·施密特")),
    "日": ("I313.85", _words("佐藤由美 山田花子 铃木一郎 高桥绘里")),
    "韩": ("I312.685", _words("金敏英 朴智贤")),
    "瑞典": ("I532.85", _words("英格丽·拉松 奥拉·林德")),
}
_PUBLISHERS_BY_GENRE = {
    "picture": _words(
        "明天出版社 接力出版社 二十一世纪出版社 少年儿童出版社 浙江少年儿童出版社 新蕾出版社 长江少年儿童出版社 天天出版社 湖南少年儿童出版社 海燕出版社"
    ),
    "fairy": _words(
        "浙江少年儿童出版社 少年儿童出版社 中国少年儿童新闻出版总社 接力出版社 明天出版社 长江少年儿童出版社 四川少年儿童出版社 福建少年儿童出版社 安徽少年儿童出版社 希望出版社"
    ),
    "story": _words(
        "浙江少年儿童出版社 少年儿童出版社 中国少年儿童新闻出版总社 接力出版社 明天出版社 长江少年儿童出版社 江苏凤凰少年儿童出版社 北京少年儿童出版社 天天出版社 二十一世纪出版社"
    ),
    "science": _words(
        "少年儿童出版社 中国少年儿童新闻出版总社 湖南少年儿童出版社 北京少年儿童出版社 中国大百科全书出版社 广西科学技术出版社 接力出版社 长江少年儿童出版社"
    ),
    "history": _words(
        "中华书局 少年儿童出版社 中国少年儿童新闻出版总社 北京少年儿童出版社 广西师范大学出版社"
    ),
    "study": _words(
        "人民教育出版社 华东师范大学出版社 广西师范大学出版社 长江少年儿童出版社 北京少年儿童出版社"
    ),
    "poetry": _words("少年儿童出版社 浙江少年儿童出版社 明天出版社 天天出版社 新蕾出版社"),
}

# Guangxi surnames with rough weights (黄, 韦, 覃, 莫 are far more common there than nationally).
_CHILD_SURNAMES = _weights(
    "黄:12 李:8 韦:8 陈:6 莫:6 覃:6 廖:5 钟:5 梁:5 王:4 蒙:3 罗:3 刘:3 张:3 杨:3 蓝:2 周:2 潘:2 邓:2 吴:2 何:2 谢:2 唐:2 卢:2 陆:2 农:1 欧阳:1"
)
_BOY_CHARS = _words(
    "浩 宇 轩 俊 杰 明 志 强 涛 鹏 博 文 嘉 子 宏 睿 晨 航 健 星 凯 诚 磊 鑫 斌 豪 然 泽 瑞 彬 康 林 峰 远 荣 福 昌 勇 亮 伟 宁 洋 毅 阳 一 天 佳 家"
)
_GIRL_CHARS = _words(
    "欣 怡 婷 雨 诗 佳 思 梓 涵 琪 雪 梅 丽 慧 晓 彤 妍 萱 语 心 悦 可 静 雅 婧 璐 颖 玲 芳 秋 月 桂 艳 燕 娜 倩 蕾 菲 露 嘉 宁 若 薇 欢 晴 依 瑶 春 兰"
)
_OLD_MEN = _words(
    "德明 国强 建华 振华 志刚 家福 永良 树林 长生 有才 金贵 福生 明德 德全 光明 启文 荣华 立新 保国 绍光 文昌 世平 国庆 春生 水生"
)
_OLD_WOMEN = _words(
    "秀英 桂兰 玉兰 凤英 秀珍 桂芳 美华 翠英 玉梅 桂英 月娥 凤莲 秀兰 金花 春梅 玉凤 爱莲 秀梅 丽华 淑芬"
)
_MEN = _words("海波 志勇 建军 小平 伟东 文华 永强 春华 国伟 海军 俊峰 明辉 志明 建伟 晓东 振宇 德林")
_WOMEN = _words("丽萍 小燕 春燕 海燕 晓红 美玲 秀云 红梅 小芳 玉婷 丽娟 桂香 艳萍 晓梅 金凤")
_WORK_CITIES = _weights(
    "深圳:25 东莞:18 广州:15 佛山:10 中山:6 惠州:4 厦门:4 南宁:4 温州:3 珠海:3 柳州:3 江门:2 上海:2 杭州:2 贺州:3"
)
_MOBILE_PREFIXES = _words(
    "130 131 132 133 135 136 137 138 139 150 151 152 155 156 157 158 159 180 181 182 183 185 186 187 188 189"
)
_HEALTH_NOTES = (
    "轻度近视，已配眼镜",
    "有哮喘，剧烈运动前需带好喷雾",
    "先天性心脏病术后，避免剧烈运动",
    "轻度贫血",
    "容易流鼻血",
    "有癫痫病史，按时服药",
    "听力较弱，请安排坐前排",
    "湿疹，夏天注意",
)
_ALLERGIES = ("花生过敏", "青霉素过敏", "芒果过敏", "海鲜过敏", "尘螨过敏", "鸡蛋过敏")
_SPECIAL_NOTES = (
    "父母离异，随奶奶生活，性格内向，需多鼓励",
    "爷爷奶奶年纪大，作业在家无人辅导",
    "上学期有辍学倾向，班主任已家访",
    "父亲外出务工多年未回家，情绪低落",
    "家庭经济困难，已申请助学金",
    "与同学常有冲突，需关注情绪",
)
_CHILD_NOTES = ("喜欢画画", "爱看科普书", "篮球队队员", "参加合唱队", "喜欢下象棋", "朗读比赛获过奖")
_LEFT_REASONS = ("随父母到深圳上学", "转学到镇中心小学", "搬家到贺州市区", "随父母到东莞上学", "到县城读初中")
# Who looks after a child whose parents are both away (mostly a grandmother).
_CARERS_BOTH_AWAY = (("祖母", 35), ("祖父", 15), ("外祖母", 20), ("外祖父", 8), ("姑姑", 6), ("舅舅", 3))
_GRANDPARENT_HEALTH = _weights("良好:40 高血压:20 关节炎:10 腿脚不便:10 糖尿病:8 视力差:7 心脏不好:5")

_DONORS = (
    ("深圳市春晖公益基金会", "organisation", "刘敏", "0755", "长期资助乡村儿童阅读项目"),
    ("广州市童心助学公益基金会", "organisation", "陈嘉怡", "020", ""),
    ("广西书香童年公益促进会", "organisation", "韦丽娟", "0771", "每年春季组织图书捐赠"),
    ("贺州市青少年关爱协会", "organisation", "莫志强", "0774", ""),
    ("深圳市彩虹桥社会工作服务中心", "organisation", "覃晓梅", "0755", "同时派驻社工"),
    ("深圳市华信电子科技有限公司", "company", "黄建伟", "0755", "企业志愿者日捐赠"),
    ("东莞市宏达五金制品有限公司", "company", "钟海波", "0769", "老板是古楼村人"),
    ("钟山县恒丰建材有限公司", "company", "廖振宇", "0774", ""),
    ("陈建华", "person", "陈建华", "", "古楼村在外乡贤，在深圳经商"),
    ("李女士（匿名）", "person", "", "", "要求匿名"),
    ("黄志明", "person", "黄志明", "", "退休教师"),
)
_UNIVERSITIES = ("广西师范大学", "贺州学院", "广西民族大学", "南宁师范大学", "玉林师范学院")
_MAJORS = (
    ("美术学", "美术;手工"),
    ("音乐学", "音乐"),
    ("体育教育", "体育"),
    ("英语", "英语;作业辅导"),
    ("汉语言文学", "语文;阅读"),
    ("应用心理学", "心理;小组活动"),
    ("科学教育", "科学;其他"),
)
_ROOMS = (("阅览室", 40), ("活动室", 60), ("操场", 200), ("美术室", 30))

# kind → courses (name, target group)
_COURSES: dict[str, tuple[tuple[str, str], ...]] = {
    "reading": (
        ("绘本共读", "1-3年级"),
        ("故事会", "1-3年级"),
        ("阅读分享会", "4-6年级"),
        ("经典诵读", "全体"),
    ),
    "homework": (
        ("作业辅导", "1-3年级"),
        ("作业辅导", "4-6年级"),
        ("数学思维", "4-6年级"),
        ("英语兴趣", "3-6年级"),
    ),
    "art": (
        ("创意美术", "1-3年级"),
        ("手工折纸", "1-3年级"),
        ("剪纸", "4-6年级"),
        ("书法", "4-6年级"),
        ("黏土手工", "全体"),
    ),
    "sports": (
        ("篮球", "4-6年级"),
        ("足球", "3-6年级"),
        ("跳绳", "全体"),
        ("趣味运动", "1-3年级"),
        ("气排球", "4-6年级"),
        ("抛绣球", "全体"),
    ),
    "music": (
        ("合唱", "全体"),
        ("口琴", "3-6年级"),
        ("尤克里里", "4-6年级"),
        ("葫芦丝", "4-6年级"),
        ("民族歌舞", "全体"),
    ),
    "other": (
        ("安全教育", "全体"),
        ("心理团体游戏", "全体"),
        ("科学小实验", "3-6年级"),
        ("棋类", "全体"),
        ("电影欣赏", "全体"),
        ("自我保护教育", "全体"),
    ),
}
_KIND_ROOMS = {
    "reading": ("阅览室",),
    "homework": ("活动室", "阅览室"),
    "art": ("美术室",),
    "sports": ("操场",),
    "music": ("活动室",),
    "other": ("活动室", "阅览室"),
}
_KIND_SUBJECTS = {
    "reading": ("阅读", "语文"),
    "homework": ("作业", "数学", "语文", "英语"),
    "art": ("美术", "手工"),
    "sports": ("体育",),
    "music": ("音乐",),
    "other": ("心理", "安全", "科学", "小组", "社区"),
}
_TARGET_GRADES = {"1-3年级": (0, 3), "3-6年级": (3, 9), "4-6年级": (4, 9), "全体": (0, 9)}
_SONGS = ("让我们荡起双桨", "小燕子", "歌声与微笑", "种太阳", "虫儿飞", "送别", "茉莉花", "山歌好比春江水")
_ART_THEMES = ("我的家乡", "秋天的树叶", "我的爸爸妈妈", "未来的学校", "壮锦图案", "春天来了", "我心中的英雄")
_SAFETY_TOPICS = ("防溺水安全教育", "交通安全", "防拐骗", "认识情绪", "垃圾分类", "用电安全", "食品安全")
_OUTCOMES = (
    "孩子们参与积极，气氛活跃",
    "完成了{n}件作品，已贴在墙上展示",
    "{n}名孩子参加，低年级孩子注意力不够集中，下次分组进行",
    "孩子们很喜欢，希望下周继续",
    "有几名孩子第一次上台展示，表现不错",
)
# (title, month, day, kind, volunteers); a day the centre is shut moves to the open day before.
_EVENTS = (
    ("学雷锋志愿服务日", 3, 5, "other"),
    ("世界读书日·阅读打卡", 4, 23, "reading"),
    ("六一儿童节游园会", 6, 1, "other"),
    ("教师节感恩卡制作", 9, 10, "art"),
    ("国庆主题绘画展", 9, 29, "art"),
    ("消防安全演练", 11, 9, "other"),
    ("冬至包饺子", 12, 22, "other"),
)

# Equipment: (category, location, [(name, unit, value yuan, qty min, qty max, flags)]); flags: c consumable,
# i individually tracked (each unit barcoded).
_EQUIPMENT: tuple[tuple[str, str, tuple[tuple[str, str, int, int, int, str], ...]], ...] = (
    (
        "sports",
        "器材室A柜",
        (
            ("篮球（5号）", "个", 89, 6, 15, ""),
            ("篮球（7号）", "个", 99, 4, 10, ""),
            ("篮球（橡胶）", "个", 59, 4, 10, ""),
            ("足球（4号）", "个", 79, 5, 12, ""),
            ("足球（5号）", "个", 89, 4, 10, ""),
            ("排球", "个", 69, 4, 10, ""),
            ("软式排球", "个", 45, 6, 12, ""),
            ("气排球", "个", 55, 6, 12, ""),
            ("乒乓球拍", "副", 39, 6, 12, ""),
            ("乒乓球（三星）", "盒", 25, 5, 10, "c"),
            ("乒乓球网架", "套", 45, 1, 3, ""),
            ("羽毛球拍", "副", 45, 6, 15, ""),
            ("羽毛球（12只装）", "筒", 35, 5, 15, "c"),
            ("羽毛球网", "副", 60, 1, 2, ""),
            ("网球拍（儿童）", "副", 69, 2, 6, ""),
            ("计数跳绳", "根", 19, 10, 30, ""),
            ("竹节跳绳", "根", 15, 10, 30, ""),
            ("长绳（集体跳）", "根", 25, 2, 4, ""),
            ("儿童跳绳", "根", 12, 10, 30, ""),
            ("拔河绳", "根", 120, 1, 2, ""),
            ("呼啦圈", "个", 15, 10, 30, ""),
            ("毽子", "个", 5, 20, 50, "c"),
            ("飞盘", "个", 20, 5, 10, ""),
            ("实心球（1公斤）", "个", 35, 4, 10, ""),
            ("实心球（2公斤）", "个", 45, 4, 8, ""),
            ("接力棒", "根", 8, 8, 16, ""),
            ("标志桶", "个", 6, 10, 30, ""),
            ("敏捷梯", "副", 59, 1, 3, ""),
            ("沙包", "个", 3, 20, 40, ""),
            ("软式飞镖", "套", 49, 1, 3, ""),
            ("跳跳球", "个", 25, 4, 10, ""),
            ("平衡板", "块", 39, 2, 6, ""),
            ("体操垫", "张", 150, 4, 10, ""),
            ("瑜伽垫", "张", 40, 6, 20, ""),
            ("打气筒", "个", 30, 1, 3, ""),
            ("球网袋", "个", 15, 2, 5, ""),
            ("秒表", "个", 35, 2, 4, ""),
            ("口哨", "个", 5, 4, 10, ""),
            ("陀螺", "个", 15, 6, 20, ""),
            ("跳房子地垫", "张", 80, 1, 3, ""),
            ("便携足球门", "副", 260, 1, 2, ""),
            ("可移动篮球架（儿童）", "副", 680, 1, 2, ""),
            ("轮滑鞋", "双", 150, 4, 10, ""),
            ("轮滑护具套装", "套", 60, 4, 10, ""),
            ("足球训练背心", "件", 15, 10, 20, ""),
            ("跳远皮尺", "个", 25, 1, 2, ""),
            ("足球训练标志盘", "套", 35, 1, 3, ""),
            ("滑板车", "辆", 199, 2, 5, ""),
            ("弹力带", "根", 20, 5, 10, ""),
            ("软式跨栏架", "个", 49, 4, 8, ""),
            ("绣球（抛绣球用）", "个", 25, 6, 12, ""),
            ("竹竿舞竹竿", "副", 80, 1, 2, ""),
        ),
    ),
    (
        "music",
        "活动室音乐角",
        (
            ("口琴（24孔）", "个", 45, 10, 25, ""),
            ("口琴（16孔）", "个", 35, 6, 15, ""),
            ("尤克里里（21寸）", "把", 180, 4, 10, ""),
            ("尤克里里（23寸）", "把", 220, 2, 6, ""),
            ("电子琴（61键）", "台", 860, 1, 3, "i"),
            ("电子琴（54键）", "台", 560, 1, 2, "i"),
            ("竖笛（8孔）", "根", 25, 10, 30, ""),
            ("葫芦丝", "根", 80, 6, 15, ""),
            ("手鼓", "个", 60, 4, 8, ""),
            ("非洲鼓", "个", 260, 2, 4, ""),
            ("小军鼓", "个", 180, 1, 3, ""),
            ("沙锤", "副", 15, 4, 10, ""),
            ("三角铁", "个", 12, 4, 10, ""),
            ("碰铃", "副", 15, 4, 8, ""),
            ("木鱼", "个", 20, 2, 6, ""),
            ("响板", "副", 10, 6, 12, ""),
            ("铃鼓", "个", 25, 4, 8, ""),
            ("钢片琴", "台", 150, 1, 3, ""),
            ("民谣吉他", "把", 450, 1, 3, "i"),
            ("卡林巴琴", "个", 99, 2, 6, ""),
            ("瑶族长鼓", "个", 320, 2, 4, ""),
            ("铜鼓（小）", "个", 380, 1, 2, ""),
            ("谱架", "个", 40, 4, 10, ""),
            ("节拍器", "个", 60, 1, 2, ""),
            ("二胡", "把", 380, 1, 2, ""),
            ("笛子", "根", 45, 4, 8, ""),
            ("口风琴", "个", 150, 4, 8, ""),
            ("手摇铃", "套", 260, 1, 2, ""),
        ),
    ),
    (
        "art",
        "美术室柜子",
        (
            ("画板（4开）", "块", 35, 10, 30, ""),
            ("画板（8开）", "块", 25, 10, 30, ""),
            ("画架", "个", 80, 5, 15, ""),
            ("水彩笔套装（24色）", "套", 19, 10, 40, "c"),
            ("水彩笔套装（36色）", "套", 29, 10, 30, "c"),
            ("油画棒（24色）", "盒", 15, 10, 30, "c"),
            ("彩色铅笔（36色）", "盒", 25, 10, 30, "c"),
            ("水彩颜料", "盒", 30, 10, 20, "c"),
            ("丙烯颜料", "盒", 45, 4, 10, "c"),
            ("毛笔", "套", 35, 10, 20, ""),
            ("墨汁", "瓶", 12, 5, 15, "c"),
            ("宣纸", "刀", 40, 2, 6, "c"),
            ("砚台", "个", 25, 10, 20, ""),
            ("毛毡", "张", 15, 10, 20, ""),
            ("儿童安全剪刀", "把", 5, 20, 40, ""),
            ("彩纸（A4）", "包", 12, 10, 30, "c"),
            ("卡纸", "包", 15, 5, 20, "c"),
            ("超轻黏土", "盒", 29, 10, 30, "c"),
            ("橡皮泥", "盒", 10, 10, 30, "c"),
            ("胶水", "瓶", 3, 20, 40, "c"),
            ("固体胶棒", "支", 3, 20, 50, "c"),
            ("素描本", "本", 8, 20, 50, "c"),
            ("铅笔（HB）", "盒", 10, 10, 20, "c"),
            ("调色盘", "个", 6, 10, 30, ""),
            ("笔洗", "个", 8, 10, 20, ""),
            ("剪纸刻刀", "把", 10, 5, 15, ""),
            ("绘画围裙", "件", 12, 10, 30, ""),
            ("手工材料包", "包", 25, 10, 30, "c"),
            ("扎染材料包", "包", 35, 5, 20, "c"),
            ("风筝材料包", "包", 20, 10, 30, "c"),
            ("陶泥", "袋", 30, 2, 6, "c"),
            ("版画工具", "套", 60, 2, 5, ""),
        ),
    ),
    (
        "games",
        "活动室游戏柜",
        (
            ("围棋", "副", 60, 3, 8, ""),
            ("象棋", "副", 35, 4, 10, ""),
            ("跳棋", "副", 25, 4, 8, ""),
            ("五子棋", "副", 20, 4, 8, ""),
            ("飞行棋", "副", 15, 4, 8, ""),
            ("军棋", "副", 15, 2, 6, ""),
            ("国际象棋", "副", 45, 2, 4, ""),
            ("斗兽棋", "副", 12, 2, 6, ""),
            ("四子棋", "副", 30, 2, 4, ""),
            ("孔明棋", "副", 20, 2, 4, ""),
            ("大颗粒积木", "套", 120, 2, 5, ""),
            ("木质积木", "套", 98, 2, 5, ""),
            ("拼插积木", "套", 150, 2, 6, ""),
            ("磁力片", "套", 130, 2, 4, ""),
            ("拼图（100片）", "套", 25, 4, 10, ""),
            ("拼图（300片）", "套", 35, 2, 6, ""),
            ("魔方（三阶）", "个", 20, 6, 20, ""),
            ("魔方（二阶）", "个", 15, 4, 10, ""),
            ("七巧板", "套", 8, 10, 30, ""),
            ("华容道", "个", 15, 4, 10, ""),
            ("九连环", "个", 12, 4, 10, ""),
            ("鲁班锁", "套", 25, 4, 10, ""),
            ("数独棋", "个", 20, 2, 6, ""),
            ("桌上足球", "台", 380, 1, 1, ""),
            ("叠叠乐", "套", 35, 2, 4, ""),
            ("合作桌游", "盒", 89, 2, 4, ""),
            ("识字卡片", "套", 20, 4, 10, ""),
            ("数学教具套装", "套", 120, 1, 3, ""),
            ("磁性白板", "块", 160, 1, 3, ""),
            ("沙盘游戏套装", "套", 680, 1, 1, ""),
            ("象棋（教学挂盘）", "副", 120, 1, 1, ""),
            ("围棋（教学挂盘）", "副", 140, 1, 1, ""),
            ("动物拼图地垫", "套", 60, 1, 3, ""),
        ),
    ),
    (
        "electronics",
        "办公室电子柜",
        (
            ("平板电脑", "台", 1500, 4, 10, "i"),
            ("投影仪", "台", 2600, 1, 2, "i"),
            ("笔记本电脑", "台", 3500, 1, 3, "i"),
            ("数码相机", "台", 2200, 1, 1, "i"),
            ("蓝牙音箱", "台", 300, 1, 3, "i"),
            ("扩音器（小蜜蜂）", "个", 120, 3, 5, ""),
            ("点读笔", "支", 260, 4, 8, "i"),
            ("台式电脑", "台", 3200, 1, 2, "i"),
            ("激光打印机", "台", 1200, 1, 1, "i"),
            ("扫码枪", "个", 150, 1, 2, "i"),
            ("移动电源", "个", 99, 2, 4, ""),
            ("录音笔", "个", 299, 1, 2, "i"),
            ("液晶电视（55寸）", "台", 2800, 1, 1, "i"),
            ("无线话筒", "套", 450, 1, 2, "i"),
            ("头戴耳机", "副", 80, 4, 10, ""),
            ("摄像机", "台", 3500, 1, 1, "i"),
        ),
    ),
    (
        "other",
        "储物间货架",
        (
            ("雨伞", "把", 25, 10, 20, ""),
            ("急救箱", "个", 120, 1, 2, ""),
            ("折叠桌", "张", 180, 4, 10, ""),
            ("塑料凳", "张", 25, 20, 40, ""),
            ("帐篷", "顶", 260, 1, 2, ""),
            ("望远镜", "个", 120, 2, 4, ""),
            ("显微镜（学生）", "台", 280, 2, 4, ""),
            ("地球仪", "个", 60, 2, 4, ""),
            ("科学实验套装", "套", 99, 3, 8, "c"),
            ("放大镜", "个", 10, 10, 20, ""),
            ("天文望远镜", "台", 980, 1, 1, "i"),
            ("垃圾分类教具", "套", 80, 1, 2, ""),
            ("饮水机", "台", 450, 1, 1, ""),
            ("电风扇", "台", 150, 2, 4, ""),
            ("手电筒", "个", 30, 4, 8, ""),
            ("午休睡垫", "张", 40, 10, 30, ""),
            ("图书推车", "辆", 280, 1, 2, ""),
            ("书立", "对", 8, 20, 40, ""),
            ("文具套装", "套", 15, 20, 60, "c"),
            ("作业本", "本", 2, 50, 200, "c"),
            ("保温水壶", "个", 45, 4, 10, ""),
        ),
    ),
)
# Which equipment categories a borrower takes (activity by its kind; reading and homework need none).
_ACTIVITY_GEAR = {
    "sports": ("sports",),
    "art": ("art",),
    "music": ("music",),
    "other": ("games", "other", "electronics"),
}
_BORROWER_GEAR = {
    "class": ("sports", "sports", "games"),
    "volunteer": ("electronics", "electronics", "music", "other"),
    "child": ("games", "sports"),
}
_EQUIPMENT_DAMAGE = {
    "sports": ("漏气，无法修补", "拍线断了", "绳子断了", "外皮开裂"),
    "music": ("有两个孔不响了", "琴弦断了", "鼓面破损"),
    "art": ("画板裂了", "剪刀坏了"),
    "games": ("棋子丢了几颗", "缺了几块", "盒子压坏了"),
    "electronics": ("屏幕摔裂", "无法开机", "电池鼓包", "镜头进灰"),
    "other": ("伞骨断了", "桌腿松动", "镜片破裂"),
}


def _lines(block: str) -> list[list[str]]:
    return [line.split("|") for line in block.strip().splitlines() if line.strip()]


def _yuan(text: str) -> int:
    return round(float(text) * 100)


def _fen(rng: random.Random, lo: int, hi: int) -> int:
    return rng.randint(lo, hi) * 100 + rng.choice((0, 0, 0, 80, 80, 50, 90))


def _mobile(rng: random.Random) -> str:
    return rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def _landline(rng: random.Random, area: str) -> str:
    digits = 8 if area in ("0755", "020", "0769") else 7
    return f"{area}-{rng.randint(2, 8)}{rng.randrange(10 ** (digits - 1)):0{digits - 1}d}"


def _grade_label(grade: int) -> str:
    return grade_label(grade)  # the children's own spelling: 三年级, 初一


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


@dataclass(eq=False)
class _Title:
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


# --- the writer ---------------------------------------------------------------------------------------------


class _Writer:
    """Buffers rows per table and inserts them in bulk, parents before children (metadata's dependency order).

    Primary keys are handed out here (continuing after any rows already present), so a row can be referenced
    before it is written. Rows of one table may differ in their keys; each shape is inserted separately.
    """

    CHUNK = 20_000

    def __init__(self, session: Session) -> None:
        self._session = session
        self._tables = {t.name: t for t in m.Base.metadata.sorted_tables}
        self._order = list(self._tables)
        self._buffers: dict[str, list[Row]] = {}
        self._pending = 0
        self._next_id: dict[str, int] = {}
        self.counts: Counter[str] = Counter()

    def new_id(self, model: type[m.Base]) -> int:
        name = model.__tablename__
        if name not in self._next_id:
            table = self._tables[name]
            self._next_id[name] = int(self._session.scalar(select(func.max(table.c.id))) or 0) + 1
        value = self._next_id[name]
        self._next_id[name] = value + 1
        return value

    def add(self, model: type[m.Base], row: Row) -> None:
        self._buffers.setdefault(model.__tablename__, []).append(row)
        self._pending += 1
        if self._pending >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        for name in self._order:
            rows = self._buffers.get(name)
            if not rows:
                continue
            shapes: dict[tuple[str, ...], list[Row]] = {}
            for row in rows:
                shapes.setdefault(tuple(row), []).append(row)
            for group in shapes.values():
                self._session.execute(insert(self._tables[name]), group)
            self.counts[name] += len(rows)
            self._buffers[name] = []
        self._pending = 0


# --- the builder --------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Kid:
    id: int
    name: str
    grade: int
    enrol: int  # ordinal of the first day at the centre
    end: int  # ordinal of the day they left (exclusive), or _NEVER
    absent_p: float
    borrow_p: float
    max_books: int
    loan_days: int
    pickups: list[str]
    walks_home: bool
    loans: list[int] = field(default_factory=list)  # return ordinals of the loans out now


@dataclass(eq=False)
class _Vol:
    id: int
    name: str
    kind: str
    subjects: str
    start: dt.date
    end: dt.date | None


@dataclass(eq=False)
class _Act:
    id: int
    title: str
    kind: str
    day: dt.date
    start: int  # minute of day
    end: int
    capacity: int
    grades: tuple[int, int]
    register: bool


@dataclass(eq=False)
class _Item:
    id: int
    category: str
    qty: int
    available_from: int
    units: list[int]
    out: list[tuple[int, int]] = field(default_factory=list)  # (return ordinal, quantity) of loans out


@dataclass(eq=False)
class _Loan:
    copy: int  # index into the builder's copy arrays
    kid: _Kid
    day: int
    minute: int
    due: dt.date
    ret: int  # ordinal of the (planned) return day
    renewals: int


class _Builder:
    def __init__(
        self, session: Session, plan: _Plan, seed: int, report: Progress, user_id: int | None
    ) -> None:
        self.s = session
        self.plan = plan
        self.seed = seed
        self.report = report
        self.user_id = user_id
        self.w = _Writer(session)
        self.today = plan.today
        self.t_today = plan.today.toordinal()
        self.yesterday = plan.yesterday
        self.periods = _periods_for(plan.span_start, self.yesterday)
        self.records_from = min(plan.span_start, self.periods[0].start)
        self.closed: dict[dt.date, str] = {}
        self.room_ids: dict[str, int] = {}
        self.room_capacity: dict[int, int] = {}
        self.fixed_used: set[str] = set()
        self.special: list[_Kid] = []  # active children flagged for special attention (for follow-ups)
        self.unit_free: dict[int, int] = {}  # equipment unit id → ordinal from which it can be lent again

    def rng(self, part: str) -> random.Random:
        # One stream per part: changing how children are made never reshuffles the books.
        return random.Random(f"{self.seed}:{part}")

    def stamp(self, day: dt.date, minute: int = 600) -> dt.datetime:
        return _local(day, minute)

    def is_open(self, day: dt.date) -> bool:
        return day.isoweekday() != 7 and day not in self.closed

    def open_days(self, first: dt.date, last: dt.date) -> list[dt.date]:
        n = (last - first).days + 1
        return [d for d in (first + dt.timedelta(days=i) for i in range(max(0, n))) if self.is_open(d)]

    def prev_open(self, day: dt.date) -> dt.date:
        while not self.is_open(day):
            day -= dt.timedelta(days=1)
        return day

    def next_open(self, day: dt.date) -> dt.date:
        while not self.is_open(day):
            day += dt.timedelta(days=1)
        return day

    # -- run -------------------------------------------------------------------------------------------------

    def run(self) -> DemoSummary:
        self.report(2, "正在准备日历和中心信息……")
        self.reference_data()
        self.report(5, "正在生成捐赠方和图书……")
        self.donors_and_batches()
        books = self.plan_books()
        equipment = self.plan_equipment()
        self.write_batches()
        self.books(*books)
        self.report(30, "正在生成器材……")
        self.equipment(equipment)
        self.report(35, "正在生成儿童档案……")
        self.children()
        self.report(40, "正在生成志愿者和课表……")
        self.volunteers()
        self.timetables()
        self.report(45, "正在生成活动记录……")
        self.activities()
        self.days()
        self.report(96, "正在收尾……")
        self.finish()
        self.w.flush()
        c = self.w.counts
        return DemoSummary(
            titles=c["book_title"],
            copies=c["book_copy"],
            children=c["child"],
            equipment_items=c["equipment_item"],
            volunteers=c["volunteer"],
            activities=c["activity"],
            attendance_marks=c["attendance_mark"],
            loans=c["loan"],
        )

    # -- centre, rooms, calendar, rules ---------------------------------------------------------------------

    def reference_data(self) -> None:
        rng = self.rng("centre")
        phone = _landline(rng, "0774")
        centre_id = self.s.scalar(select(m.Centre.id).order_by(m.Centre.id).limit(1))
        values = {"name": CENTRE_NAME, "address": CENTRE_ADDRESS, "phone": phone, "contact_person": "覃丽萍"}
        values["updated_at"] = self.stamp(self.records_from - dt.timedelta(days=3 * 365))
        if centre_id is None:
            self.w.add(
                m.Centre, {"id": self.w.new_id(m.Centre), "created_at": values["updated_at"], **values}
            )
        else:  # the first-run wizard may have saved a placeholder; the demo centre replaces it
            self.s.execute(update(m.Centre).where(m.Centre.id == centre_id).values(**values))

        existing_rooms = {name: room_id for name, room_id in self.s.execute(select(m.Room.name, m.Room.id))}
        for name, capacity in _ROOMS:
            room_id = existing_rooms.get(name)
            if room_id is None:
                room_id = self.w.new_id(m.Room)
                self.w.add(m.Room, {"id": room_id, "name": name, "capacity": capacity})
            self.room_ids[name] = room_id
            self.room_capacity[room_id] = capacity

        existing_days = set(self.s.scalars(select(m.ClosedDay.day)))
        self.closed = {d: "" for d in sorted(existing_days)}
        first = self.records_from - dt.timedelta(days=400)
        last = self.today + dt.timedelta(days=200)  # upcoming holidays too: due dates must skip them
        for year in range(first.year, last.year + 1):
            for day, reason in holidays(year, self.rng(f"holidays:{year}")):
                if first <= day <= last and day not in self.closed:
                    self.closed[day] = reason
                    self.w.add(m.ClosedDay, {"day": day, "reason": reason})

        rules = self.s.execute(
            select(
                m.LoanRule.grade_min, m.LoanRule.grade_max, m.LoanRule.max_books, m.LoanRule.loan_days
            ).order_by(m.LoanRule.id)
        ).all()
        self.loan_rules = [tuple(r) for r in rules] or [(0, 12, 2, 14)]
        codes = set(self.s.scalars(select(m.AttendanceCode.code)))
        if not {"P", "A", "L", "E"} <= codes:
            raise DomainError("考勤代码 P/A/L/E 不全，无法生成演示考勤。请先在设置里恢复默认考勤代码。")

    def rule_for(self, grade: int) -> tuple[int, int]:
        for lo, hi, max_books, loan_days in self.loan_rules:
            if lo <= grade <= hi:
                return max_books, loan_days
        return 2, 14

    # -- donors and donation batches ------------------------------------------------------------------------

    def donors_and_batches(self) -> None:
        rng = self.rng("donors")
        self.donor_ids: list[int] = []
        self.donor_rows: list[Row] = []
        first_day = self.records_from - dt.timedelta(days=3 * 365)
        for name, kind, contact, area, notes in _DONORS:
            donor_id = self.w.new_id(m.Donor)
            self.donor_ids.append(donor_id)
            phone = _landline(rng, area) if area else (_mobile(rng) if contact else "")
            self.donor_rows.append(
                {
                    "id": donor_id,
                    "name": name,
                    "kind": kind,
                    "contact": contact,
                    "phone": phone,
                    "notes": notes,
                    "created_at": self.stamp(first_day),
                    "updated_at": self.stamp(first_day),
                }
            )
        years = self.plan.span_days / 365.25
        n = 16 + round(6 * years)
        window = (self.yesterday - dt.timedelta(days=5) - first_day).days
        days = sorted(first_day + dt.timedelta(days=rng.randrange(window)) for _ in range(n))
        # A fresh term usually brings a book donation: make sure one arrives inside the span at scale 1 too.
        days[-1] = max(days[-1], self.plan.span_start + dt.timedelta(days=20))
        days.sort()
        kinds = ["books", "equipment", "both"] + [
            _weighted(rng, (("books", 6), ("equipment", 3), ("both", 2))) for _ in range(n - 3)
        ]
        rng.shuffle(kinds)
        self.batches: list[dict[str, Any]] = []
        for day, kind in zip(days, kinds, strict=True):
            self.batches.append(
                {
                    "id": self.w.new_id(m.DonationBatch),
                    "donor_id": rng.choice(self.donor_ids),
                    "received_on": day,
                    "kind": kind,
                    "weight": rng.lognormvariate(0, 0.7),
                    "copies": 0,
                    "items": 0,
                    "excel": rng.random() < 0.4,
                }
            )

    def write_batches(self) -> None:
        for row in self.donor_rows:
            self.w.add(m.Donor, row)
        for b in self.batches:
            parts = []
            if b["copies"]:
                parts.append(f"图书 {b['copies']} 册")
            if b["items"]:
                parts.append(f"器材 {b['items']} 种")
            day: dt.date = b["received_on"]
            self.w.add(
                m.DonationBatch,
                {
                    "id": b["id"],
                    "donor_id": b["donor_id"],
                    "received_on": day,
                    "description": "捐赠" + "、".join(parts or ["物资一批"]),
                    "source_file": f"捐赠清单_{day:%Y%m%d}.xlsx" if b["excel"] and b["copies"] else "",
                    "notes": "",
                    "created_at": self.stamp(day, 900),
                    "updated_at": self.stamp(day, 900),
                },
            )

    def pick_batches(self, kinds: tuple[str, ...]) -> tuple[list[dict[str, Any]], list[float]]:
        chosen = [b for b in self.batches if b["kind"] in kinds]
        cum: list[float] = []
        total = 0.0
        for b in chosen:
            total += b["weight"]
            cum.append(total)
        return chosen, cum

    # -- library --------------------------------------------------------------------------------------------

    def plan_books(self) -> tuple[list[_Title], list[int], list[dict[str, Any]]]:
        """Titles, copies per title and the donation batch of each copy (batches are written before copies)."""
        rng = self.rng("books")
        specs = self.title_specs(rng)
        self.assign_isbns(rng, specs)
        counts = self.copy_counts(rng, specs)
        book_batches, cum = self.pick_batches(("books", "both"))
        copy_batch: list[dict[str, Any]] = []
        for n in counts:
            for _ in range(n):
                b = book_batches[bisect.bisect_left(cum, rng.random() * cum[-1])]
                b["copies"] += 1
                copy_batch.append(b)
        return specs, counts, copy_batch

    def books(self, specs: list[_Title], counts: list[int], copy_batch: list[dict[str, Any]]) -> None:
        rng = self.rng("copies")
        self.copy_ids: list[int] = []
        self.copy_free: list[int] = []  # ordinal from which each copy can be lent (after acquisition, return)
        self.title_copies: list[list[int]] = []
        self.title_cum: list[float] = []
        seq: Counter[str] = Counter()
        span_start = self.plan.span_start
        k = 0
        total_pop = 0.0
        for spec, n in zip(specs, counts, strict=True):
            title_id = self.w.new_id(m.BookTitle)
            seq[spec.clc] += 1
            full, initials = pinyin_keys(spec.title)
            first_day = min(copy_batch[k + i]["received_on"] for i in range(n))
            self.w.add(
                m.BookTitle,
                {
                    "id": title_id,
                    "title": spec.title,
                    "title_pinyin": full,
                    "title_initials": initials,
                    "author": spec.author,
                    "publisher": spec.publisher,
                    "pub_year": spec.year,
                    "isbn13": spec.isbn,
                    "clc_class": spec.clc,
                    "call_number": f"{spec.clc}/{seq[spec.clc]}",
                    "grade_band": spec.band,
                    "subjects": spec.subjects,
                    "price_fen": spec.price,
                    "match_key": match_key(spec.title, spec.author),
                    "notes": "",
                    "created_at": self.stamp(first_day, 900),
                    "updated_at": self.stamp(first_day, 900),
                },
            )
            shelf = f"书架{spec.shelf}-{1 + (seq[spec.clc] // 40) % 6}"
            lendable: list[int] = []
            for _ in range(n):
                batch = copy_batch[k]
                k += 1
                copy_id = self.w.new_id(m.BookCopy)
                day: dt.date = batch["received_on"]
                status, withdrawn_on, notes = "available", None, ""
                r = rng.random()
                if r < 0.005:
                    status, notes = "lost", "盘点未找到"
                elif r < 0.010:
                    status, notes = "damaged", rng.choice(("封面破损", "缺页", "被水泡过"))
                elif r < 0.015:
                    status, notes = "withdrawn", "破损严重，已剔除"
                    withdrawn_on = max(day, span_start) + dt.timedelta(days=rng.randrange(30))
                    withdrawn_on = min(withdrawn_on, self.yesterday)
                self.w.add(
                    m.BookCopy,
                    {
                        "id": copy_id,
                        "title_id": title_id,
                        "barcode": f"T{copy_id:07d}",
                        "location": shelf,
                        "status": status,
                        "batch_id": batch["id"],
                        "acquired_on": day,
                        "withdrawn_on": withdrawn_on,
                        "notes": notes,
                        "created_at": self.stamp(day, 960),
                        "updated_at": self.stamp(day, 960),
                    },
                )
                idx = len(self.copy_ids)
                self.copy_ids.append(copy_id)
                if status == "available":
                    # Catalogued the day it came, lent from the next.
                    self.copy_free.append(day.toordinal() + 1)
                    lendable.append(idx)
                else:
                    self.copy_free.append(_NEVER)
            if lendable:
                self.title_copies.append(lendable)
                total_pop += spec.popularity
                self.title_cum.append(total_pop)
        self.report(28, "图书已生成……")

    def title_specs(self, rng: random.Random) -> list[_Title]:
        """Classics and series first (one edition each), then generated titles up to the planned count."""
        this_year = self.today.year
        specs: list[_Title] = []
        seen: set[str] = set()

        def add(spec: _Title) -> None:
            key = match_key(spec.title, spec.author)
            if key not in seen:  # one record per title and author, as the catalogue's duplicate check wants
                seen.add(key)
                specs.append(spec)

        for title, author, publisher, clc, band, price, subjects in _lines(_CLASSICS):
            year = rng.randint(2012, this_year)
            add(
                _Title(title, author, publisher, clc, band, _yuan(price), subjects, _CLASSIC_SHELF, 6.0, year)
            )
        for series, author, publisher, clc, band, price, subjects, volumes in _lines(_SERIES):
            shelf = "E" if clc.startswith("Z") else ("F" if clc.startswith("K") else _CLASSIC_SHELF)
            year = rng.randint(2012, this_year)
            for volume in volumes.split(","):
                title = f"{series}·{volume}"
                add(_Title(title, author, publisher, clc, band, _yuan(price), subjects, shelf, 4.0, year))

        genres = list(_GENRES)
        weights = [_GENRES[g][0] for g in genres]
        while len(specs) < self.plan.titles:
            genre = rng.choices(genres, weights)[0]
            _w, shelf, classes, bands, (lo, hi), subjects = _GENRES[genre]
            title, author, clc, band = self.generated_title(rng, genre)
            # Mostly recent editions: donors give what families and shops have.
            year = min(this_year, 1995 + int(rng.triangular(0, this_year - 1995 + 1, this_year - 1995)))
            popularity = {"picture": 2.0, "fairy": 1.6, "story": 1.5, "science": 1.2}.get(genre, 0.6)
            add(
                _Title(
                    title=title,
                    author=author,
                    publisher=rng.choice(_PUBLISHERS_BY_GENRE[genre]),
                    clc=clc or rng.choice(classes),
                    band=band or rng.choice(bands),
                    price=_fen(rng, lo, hi),
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
        given = "".join(rng.choice(_AUTHOR_GIVEN) for _ in range(rng.choice((1, 2, 2))))
        return rng.choice(_SURNAMES_COMMON) + given

    def generated_title(self, rng: random.Random, genre: str) -> tuple[str, str, str, str]:
        """(title, author, CLC class or "", grade band or "") for one invented book of ``genre``."""
        a, o, d = rng.choice(_ANIMALS), rng.choice(_OBJECTS), rng.choice(_DOINGS)
        author = self.cn_author(rng)
        clc = band = ""
        if genre == "picture":
            if rng.random() < 0.2:  # a translated picture book
                country = rng.choice(list(_FOREIGN))
                clc, names = _FOREIGN[country]
                author = f"[{country}]{rng.choice(names)}"
            else:
                author += rng.choice(("", "", " 文·图", " 编绘"))
            title = rng.choice(
                (
                    f"{a}{d}",
                    f"{a}的{o}",
                    f"{a}和{rng.choice(_ANIMALS)}",
                    f"会{rng.choice(_ABILITIES)}的{a}",
                    f"{rng.choice(_PLACES)}的{o}",
                    f"{rng.choice(_FAMILY)}的{rng.choice(_FAMILY_THINGS)}",
                    self.fixed_title(rng, _PICTURE_FIXED) or f"{a}{d}",
                )
            )
        elif genre == "fairy":
            title = rng.choice(
                (
                    f"{rng.choice(_FAIRY_ADJ)}{rng.choice(_FAIRY_BEINGS)}",
                    f"{rng.choice(_FAIRY_LANDS)}{rng.choice(_FAIRY_ENDS)}",
                    f"{rng.choice(_FAIRY_BEINGS)}{rng.choice(_FAIRY_ENDS)}",
                    f"{a}{rng.choice(_FAIRY_ENDS)}",
                )
            )
        elif genre == "story":
            title = rng.choice(
                (
                    f"{rng.choice(_STORY_PLACES)}的{rng.choice(_STORY_TIMES)}",
                    f"{rng.choice(_STORY_NAMES)}的{rng.choice(_STORY_THINGS)}",
                    f"{_CN_DIGITS[rng.randint(3, 6)]}年级{_CN_DIGITS[rng.randint(1, 3)]}班的{rng.choice(_STORY_THINGS)}",
                    f"我和{rng.choice(_FAMILY)}",
                    f"{rng.choice(_STORY_YOUTH)}少年",
                    f"{rng.choice(_STORY_PLACES)}的约定",
                    self.fixed_title(rng, _STORY_FIXED) or f"{rng.choice(_STORY_YOUTH)}少年",
                )
            )
        elif genre == "science":
            topic, topic_clc = rng.choice(_SCIENCE_TOPICS)
            series = rng.choice(_SCIENCE_SERIES)
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
                    (f"写给儿童的中国历史·{rng.choice(_DYNASTIES)}", "K209"),
                    (f"{rng.choice(_PEOPLE)}的故事", "K82"),
                    (f"中国传统节日故事·{rng.choice(_FESTIVALS)}", "K892.1"),
                    (f"广西民间故事（{_CN_DIGITS[rng.randint(1, 9)]}）", "I277.2"),
                    (f"中华成语故事·第{_CN_DIGITS[rng.randint(1, 9)]}册", "H136.31"),
                    (f"壮族民间故事选（{_CN_DIGITS[rng.randint(1, 9)]}）", "I277.2"),
                )
            )
        elif genre == "study":
            term = rng.choice(("上册", "下册"))
            kind = rng.randrange(6)
            grade = rng.randint(1, 2) if kind == 1 else rng.randint(3 if kind == 5 else 1, 6)
            g = _CN_DIGITS[grade]
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
                    f"{rng.choice(_STORY_TIMES)}的儿歌",
                    f"{rng.choice(_FAMILY)}的诗",
                    f"{rng.choice(_PLACES)}的童谣",
                    f"给孩子的{rng.choice(('散文', '童诗', '儿歌', '古诗'))}（{_CN_DIGITS[rng.randint(1, 6)]}）",
                )
            )
        return title, author, clc, band

    def assign_isbns(self, rng: random.Random, specs: list[_Title]) -> None:
        """~15 % of titles have no ISBN (old donations, school-printed readers); the rest a unique 978-7 one."""
        used: set[str] = set(_KNOWN_ISBN.values())
        for spec in specs:
            known = _KNOWN_ISBN.get((spec.title, spec.publisher))
            if known:
                spec.isbn = known
                continue
            if not spec.classic and rng.random() < 0.15:
                if rng.random() < 0.3:
                    spec.year = None
                if rng.random() < 0.3:
                    spec.price = None
                continue
            registrant = _PUBLISHERS[spec.publisher]
            width = 8 - len(registrant)
            while True:
                isbn = make_china_isbn13(registrant, rng.randrange(10**width))
                if isbn not in used:
                    used.add(isbn)
                    spec.isbn = isbn
                    break

    def copy_counts(self, rng: random.Random, specs: list[_Title]) -> list[int]:
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

    # -- equipment ------------------------------------------------------------------------------------------

    def plan_equipment(self) -> list[dict[str, Any]]:
        """The donation batch of each equipment row (one row per kind; past ~180 kinds, repeats from new batches)."""
        rng = self.rng("equipment-batches")
        eq_batches, cum = self.pick_batches(("equipment", "both"))
        chosen = []
        for _ in range(self.plan.equipment_items):
            batch = eq_batches[bisect.bisect_left(cum, rng.random() * cum[-1])]
            batch["items"] += 1
            chosen.append(batch)
        return chosen

    def equipment(self, item_batches: list[dict[str, Any]]) -> None:
        rng = self.rng("equipment")
        kinds = [(cat, loc, spec) for cat, loc, specs in _EQUIPMENT for spec in specs]
        self.items_by_category: dict[str, list[_Item]] = {}
        incidents: list[Row] = []
        for n, batch in enumerate(item_batches):
            category, location, (name, unit, value, lo, hi, flags) = kinds[n % len(kinds)]
            day: dt.date = batch["received_on"]
            item_id = self.w.new_id(m.EquipmentItem)
            individual, consumable = "i" in flags, "c" in flags
            qty = rng.randint(lo, hi)
            retired = not consumable and rng.random() < 0.02
            notes = "多次损坏，已报废" if retired else ""
            units: list[int] = []
            if individual:
                for _ in range(qty):
                    unit_id = self.w.new_id(m.EquipmentUnit)
                    r = rng.random()
                    status = "damaged" if r < 0.06 else ("lost" if r < 0.08 else "available")
                    self.w.add(
                        m.EquipmentUnit,
                        {
                            "id": unit_id,
                            "item_id": item_id,
                            "barcode": f"E{unit_id:06d}",
                            "status": status,
                            "notes": "",
                            "created_at": self.stamp(day, 930),
                            "updated_at": self.stamp(day, 930),
                        },
                    )
                    if status == "available":
                        units.append(unit_id)
                    else:
                        incidents.append(
                            self.incident(
                                rng, item_id, unit_id, status, 1, self.random_day(rng, day), category
                            )
                        )
                qty = len(units)
            elif consumable:
                # Stock in when donated, then used up in art classes: the total is what is left.
                incidents.append(
                    self.incident(rng, item_id, None, "stock_in", qty, day, category, "捐赠入库")
                )
                for _ in range(rng.randint(1, 3)):
                    used = rng.randint(1, max(1, qty // 4))
                    if qty - used < 1:
                        break
                    qty -= used
                    when = self.random_day(rng, day)
                    incidents.append(
                        self.incident(rng, item_id, None, "stock_out", used, when, category, "活动领用")
                    )
            elif rng.random() < 0.12:
                kind = "damaged" if rng.random() < 0.7 else "lost"
                incidents.append(
                    self.incident(rng, item_id, None, kind, 1, self.random_day(rng, day), category)
                )
                if kind == "damaged" and rng.random() < 0.3:
                    incidents.append(
                        self.incident(
                            rng, item_id, None, "repaired", 1, self.random_day(rng, day), category, "已修好"
                        )
                    )
            full, initials = pinyin_keys(name)
            self.w.add(
                m.EquipmentItem,
                {
                    "id": item_id,
                    "name": name,
                    "name_pinyin": full,
                    "name_initials": initials,
                    "category": category,
                    "tracking": "individual" if individual else "quantity",
                    "consumable": consumable,
                    "barcode": None,
                    "quantity_total": qty,
                    "unit": unit,
                    "location": location,
                    "batch_id": batch["id"],
                    "value_fen": value * 100,
                    "status": "retired" if retired else "in_use",
                    "notes": notes,
                    "created_at": self.stamp(day, 930),
                    "updated_at": self.stamp(day, 930),
                },
            )
            if not consumable and not retired and qty > 0:
                item = _Item(item_id, category, qty, day.toordinal() + 1, units)
                self.items_by_category.setdefault(category, []).append(item)
        for row in incidents:
            self.w.add(m.EquipmentIncident, row)

    def random_day(self, rng: random.Random, after: dt.date) -> dt.date:
        first = max(after + dt.timedelta(days=1), self.records_from)
        if first >= self.yesterday:
            return self.yesterday
        return first + dt.timedelta(days=rng.randrange((self.yesterday - first).days + 1))

    def incident(
        self,
        rng: random.Random,
        item_id: int,
        unit_id: int | None,
        kind: str,
        qty: int,
        day: dt.date,
        category: str,
        note: str = "",
        loan_id: int | None = None,
    ) -> Row:
        if not note and kind == "damaged":
            note = rng.choice(_EQUIPMENT_DAMAGE[category])
        elif not note and kind == "lost":
            note = "找不到了"
        return {
            "item_id": item_id,
            "unit_id": unit_id,
            "loan_id": loan_id,
            "kind": kind,
            "quantity": qty,
            "occurred_on": day,
            "note": note,
            "recorded_by": self.user_id,
        }

    # -- children -------------------------------------------------------------------------------------------

    def children(self) -> None:
        rng = self.rng("children")
        plan = self.plan
        surnames = [s for s, _ in _CHILD_SURNAMES]
        surname_w = [w for _, w in _CHILD_SURNAMES]
        n_left = max(1, round(plan.children * plan.left_share))
        used_names: set[str] = set()
        self.kids: list[_Kid] = []
        grades = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
        grade_w = (4, 15, 15, 15, 15, 14, 14, 3, 3, 2)
        span_start, yesterday = plan.span_start, self.yesterday
        for n in range(plan.children):
            child_id = self.w.new_id(m.Child)
            gender = "male" if rng.random() < 0.52 else "female"
            surname = rng.choices(surnames, surname_w)[0]
            chars = _BOY_CHARS if gender == "male" else _GIRL_CHARS
            while True:
                name = surname + "".join(rng.choice(chars) for _ in range(1 if rng.random() < 0.25 else 2))
                if name not in used_names:
                    used_names.add(name)
                    break
            left = n >= plan.children - n_left
            if left:
                lo, hi = span_start + dt.timedelta(days=14), yesterday - dt.timedelta(days=3)
                left_on = lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))
                reason = rng.choice(_LEFT_REASONS)
                if reason == "到县城读初中" and left_on.month in (7, 8, 9):
                    # Finished grade 6 at the start of July and moved on to the county junior school.
                    grade, as_of = 6, dt.date(left_on.year, 7, 5)
                else:
                    if reason == "到县城读初中":
                        reason = "转学到镇中心小学"
                    grade, as_of = rng.randint(1, 6), left_on - dt.timedelta(days=1)
            else:
                left_on, reason, as_of = None, "", yesterday
                grade = rng.choices(grades, grade_w)[0]
            year = school_year(as_of)
            born_from = dt.date(year - 6 - grade, 9, 1)
            if rng.random() < 0.08:  # started school a year late
                born_from = born_from.replace(year=born_from.year - 1)
            birth = born_from + dt.timedelta(days=rng.randrange(365))
            # First came at 4½ or older and stayed up to six years (those who left: until they left).
            until = left_on or self.today
            earliest = max(birth + dt.timedelta(days=int(4.5 * 365)), until - dt.timedelta(days=6 * 365))
            latest = (left_on - dt.timedelta(days=120)) if left_on else yesterday - dt.timedelta(days=7)
            if earliest >= latest:
                earliest = latest - dt.timedelta(days=30)
            enrolled = earliest + dt.timedelta(days=rng.randrange((latest - earliest).days + 1))
            class_no = rng.randint(1, 2)
            class_name = "学前班" if grade == 0 else f"{_grade_label(grade)}{class_no}班"
            school = "古楼村幼儿园" if grade == 0 else ("古楼村小学" if grade <= 6 else "钟山县第三中学")
            group = rng.randint(1, 12)
            lbt = rng.choices(("both", "father", "mother", "none"), (45, 25, 10, 20))[0]
            f_city = m_city = f_phone = m_phone = ""
            cities = [c for c, _ in _WORK_CITIES]
            city_w = [w for _, w in _WORK_CITIES]
            if lbt in ("both", "father"):
                f_city, f_phone = rng.choices(cities, city_w)[0], _mobile(rng)
            if lbt in ("both", "mother"):
                m_city = f_city if lbt == "both" and rng.random() < 0.7 else rng.choices(cities, city_w)[0]
                m_phone = _mobile(rng)
            if not f_phone and rng.random() < 0.7:
                f_phone = _mobile(rng)
            if not m_phone and rng.random() < 0.8:
                m_phone = _mobile(rng)
            special = rng.random() < 0.06
            notes = (
                rng.choice(_SPECIAL_NOTES)
                if special
                else (rng.choice(_CHILD_NOTES) if rng.random() < 0.15 else "")
            )
            if left:
                notes = (notes + "；" if notes else "") + reason
            full, initials = person_name_keys(name)
            self.w.add(
                m.Child,
                {
                    "id": child_id,
                    "name": name,
                    "name_pinyin": full,
                    "name_initials": initials,
                    "gender": gender,
                    "birth_date": birth,
                    "grade": grade,
                    "class_name": class_name,
                    "school": school,
                    "village": f"古楼村{group}组",
                    "address": f"钟山县古楼村{group}组{rng.randint(1, 80)}号",
                    "left_behind_type": lbt,
                    "father_work_city": f_city,
                    "father_phone": f_phone,
                    "mother_work_city": m_city,
                    "mother_phone": m_phone,
                    "health_notes": rng.choice(_HEALTH_NOTES) if rng.random() < 0.08 else "",
                    "allergy_notes": rng.choice(_ALLERGIES) if rng.random() < 0.05 else "",
                    "special_attention": special,
                    "photo_path": "",
                    "card_barcode": f"C{child_id:05d}",
                    "status": "left" if left else "active",
                    "enrolled_on": enrolled,
                    "left_on": left_on,
                    "notes": notes,
                    "created_at": self.stamp(enrolled),
                    "updated_at": self.stamp(left_on or enrolled),
                },
            )
            pickups = self.guardians(rng, child_id, surname, lbt, enrolled)
            max_books, loan_days = self.rule_for(grade)
            reader = rng.random()
            self.kids.append(
                _Kid(
                    id=child_id,
                    name=name,
                    grade=grade,
                    enrol=enrolled.toordinal(),
                    end=left_on.toordinal() if left_on else _NEVER,
                    absent_p=rng.choice((0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10, 0.15)),
                    borrow_p=0.05 if reader < 0.1 else (0.6 if reader < 0.55 else 0.95),
                    max_books=max_books,
                    loan_days=loan_days,
                    pickups=pickups,
                    walks_home=grade >= 4 and rng.random() < 0.6,
                )
            )
            if special and not left:
                self.special.append(self.kids[-1])

    def guardians(
        self, rng: random.Random, child_id: int, surname: str, lbt: str, since: dt.date
    ) -> list[str]:
        """Write 1–2 guardians and 1–3 pickup people; return the pickup names (for check-out records)."""
        mother_surname = rng.choice([s for s, _ in _CHILD_SURNAMES if s != surname])
        if lbt == "both":
            first = _weighted(rng, _CARERS_BOTH_AWAY)
            spouse = {"祖母": "祖父", "祖父": "祖母", "外祖母": "外祖父", "外祖父": "外祖母"}.get(first)
            second = spouse if spouse and rng.random() < 0.6 else None
        elif lbt == "father":
            first, second = "母亲", ("祖母" if rng.random() < 0.5 else None)
        elif lbt == "mother":
            first, second = "父亲", ("祖母" if rng.random() < 0.6 else None)
        else:
            first, second = rng.choice(("母亲", "父亲")), None
            if rng.random() < 0.4:
                second = "父亲" if first == "母亲" else "母亲"
        relations = [first] + ([second] if second else [])
        names: list[str] = []
        for i, relation in enumerate(relations):
            older = relation in ("祖父", "祖母", "外祖父", "外祖母")
            male = relation in ("祖父", "外祖父", "父亲", "舅舅")
            # Father's side shares the child's surname, mother's side the mother's; grandmothers kept their own.
            if relation in ("祖父", "父亲", "姑姑"):
                family = surname
            elif relation in ("外祖父", "舅舅", "母亲"):
                family = mother_surname
            else:
                family = rng.choice(_SURNAMES_COMMON)
            pool = (_OLD_MEN if male else _OLD_WOMEN) if older else (_MEN if male else _WOMEN)
            name = family + rng.choice(pool)
            names.append(name)
            if older:
                age = rng.randint(58, 78) if male else rng.randint(55, 76)
                literacy = rng.choices(("不识字", "小学", "初中"), (35, 45, 20))[0]
                health = _weighted(rng, _GRANDPARENT_HEALTH)
                phone = _mobile(rng) if rng.random() < 0.8 else ""
            else:
                age = rng.randint(28, 48)
                literacy = rng.choices(("小学", "初中", "高中", "中专"), (10, 60, 25, 5))[0]
                health, phone = "良好", _mobile(rng)
            self.w.add(
                m.Guardian,
                {
                    "child_id": child_id,
                    "name": name,
                    "relation": relation,
                    "phone": phone,
                    "age": age,
                    "health": health,
                    "literacy": literacy,
                    "is_primary": i == 0,
                    "created_at": self.stamp(since),
                    "updated_at": self.stamp(since),
                },
            )
            self.w.add(
                m.PickupPerson, {"child_id": child_id, "name": name, "relation": relation, "phone": phone}
            )
        if rng.random() < 0.35:
            relation = rng.choice(("邻居", "哥哥", "姐姐", "叔叔"))
            if relation in ("哥哥", "姐姐"):
                chars = _BOY_CHARS if relation == "哥哥" else _GIRL_CHARS
                name = surname + rng.choice(chars) + rng.choice(chars)
            elif relation == "叔叔":
                name = surname + rng.choice(_MEN)
            else:
                name = rng.choice(_SURNAMES_COMMON) + rng.choice(_MEN + _WOMEN)
            phone = "" if relation in ("哥哥", "姐姐") else _mobile(rng)
            self.w.add(
                m.PickupPerson, {"child_id": child_id, "name": name, "relation": relation, "phone": phone}
            )
            names.append(name)
        return names

    # -- volunteers and timetables --------------------------------------------------------------------------

    def volunteers(self) -> None:
        rng = self.rng("volunteers")
        self.vols: list[_Vol] = []
        short = self.plan.scale == 1
        positions = (
            ("local", "古楼村小学", "语文;阅读"),
            ("local", "古楼村小学", "数学;作业辅导"),
            ("local", "古楼村小学", "体育"),
            ("local", "古楼村小学", "美术;手工"),
            ("social_work", "深圳市彩虹桥社会工作服务中心", "心理;小组活动"),
            ("social_work", "深圳市彩虹桥社会工作服务中心", "阅读;安全教育"),
            ("social_work", "深圳市彩虹桥社会工作服务中心", "音乐;社区活动"),
        )
        weekly = [p for p in self.periods if p.kind == "weekly"]
        for kind, org, subjects in positions:
            # Each post is held by one person after another, changing only between terms, so every term's
            # timetable has a full set of teachers. At scale 1 each post has one holder.
            i = 0
            start = min(weekly[0].start, self.records_from) - dt.timedelta(days=rng.randint(30, 900))
            while True:
                terms = len(weekly) if short else rng.randint(3, 10)
                last = i + terms - 1
                end = None if last >= len(weekly) - 1 else weekly[last].end
                self.add_volunteer(rng, kind, org, subjects, start, end)
                if end is None:
                    break
                i = last + 1
                start = weekly[i].start - dt.timedelta(days=rng.randint(3, 20))
        for period in self.periods:
            if period.kind != "summer":
                continue
            for _ in range(5):
                major, subjects = rng.choice(_MAJORS)
                university = rng.choice(_UNIVERSITIES)
                self.add_volunteer(
                    rng,
                    "student",
                    university,
                    subjects,
                    period.start - dt.timedelta(days=1),
                    period.end + dt.timedelta(days=1),
                    notes=f"{period.start.year}年暑期支教，{major}专业",
                )

    def add_volunteer(
        self,
        rng: random.Random,
        kind: str,
        org: str,
        subjects: str,
        start: dt.date,
        end: dt.date | None,
        notes: str = "",
    ) -> None:
        vol_id = self.w.new_id(m.Volunteer)
        gender = rng.choice(("male", "female"))
        surname = rng.choices([s for s, _ in _CHILD_SURNAMES], [w for _, w in _CHILD_SURNAMES])[0]
        if kind == "student":
            chars = _BOY_CHARS if gender == "male" else _GIRL_CHARS
            name = surname + "".join(rng.choice(chars) for _ in range(2))
        else:
            name = surname + rng.choice(_MEN if gender == "male" else _WOMEN)
        full, initials = person_name_keys(name)
        self.w.add(
            m.Volunteer,
            {
                "id": vol_id,
                "name": name,
                "name_pinyin": full,
                "name_initials": initials,
                "gender": gender,
                "phone": _mobile(rng),
                "organisation": org,
                "kind": kind,
                "id_number": "",  # never invent identity-card numbers: they could be someone's real one
                "subjects": subjects,
                "start_on": start,
                "end_on": end,
                "active": end is None or end >= self.today - dt.timedelta(days=365),
                "notes": notes,
                "created_at": self.stamp(start),
                "updated_at": self.stamp(end or start),
            },
        )
        self.vols.append(_Vol(vol_id, name, kind, subjects, start, end))

    def timetables(self) -> None:
        rng = self.rng("timetables")
        self.slots: list[dict[str, Any]] = []
        weekday_blocks = ((990, 1050), (1050, 1100))  # 16:30–17:30, 17:30–18:20
        saturday_blocks = ((540, 630), (640, 720), (870, 960))
        summer_blocks = ((510, 600), (620, 700), (870, 960), (980, 1050))
        for period in self.periods:
            tt_id = self.w.new_id(m.Timetable)
            self.w.add(
                m.Timetable,
                {
                    "id": tt_id,
                    "name": period.name,
                    "kind": period.kind,
                    "starts_on": period.start,
                    "ends_on": period.end,
                    "created_at": self.stamp(period.start - dt.timedelta(days=10)),
                    "updated_at": self.stamp(period.start - dt.timedelta(days=10)),
                },
            )
            if period.kind == "summer":
                vols = [
                    v
                    for v in self.vols
                    if v.start <= period.start
                    and (v.end is None or v.end >= period.end)
                    and v.kind in ("student", "social_work")
                ]
                plan = [
                    (wd, b, ("homework", "reading") if i == 0 else ())
                    for wd in range(1, 6)
                    for i, b in enumerate(summer_blocks)
                ]
                per_block = 3
            else:
                vols = [
                    v
                    for v in self.vols
                    if v.start <= period.start
                    and (v.end is None or v.end >= period.end)
                    and v.kind != "student"
                ]
                plan = [
                    (wd, b, ("homework", "homework") if i == 0 else ())
                    for wd in range(1, 6)
                    for i, b in enumerate(weekday_blocks)
                ]
                plan += [(6, b, ()) for b in saturday_blocks]
                per_block = 2
            load: Counter[int] = Counter()
            availability: dict[tuple[int, int], list[int]] = {}
            for weekday, (start, end), fixed in plan:
                # One block: distinct rooms and distinct volunteers by construction, so no double booking.
                free_rooms = [name for name, _ in _ROOMS]
                free_vols = list(vols)
                rng.shuffle(free_vols)
                if fixed:
                    kinds, want = list(fixed), len(fixed)
                else:
                    kinds = rng.sample(("reading", "art", "sports", "music", "other"), k=5)
                    want = rng.randint(1, 2) if weekday <= 5 and period.kind == "weekly" else per_block
                made = 0
                used_courses: set[str] = set()
                for kind in kinds:
                    if made >= want or not free_vols:
                        break
                    room = next((r for r in _KIND_ROOMS[kind] if r in free_rooms), None)
                    if room is None:
                        continue
                    options = [c for c in _COURSES[kind] if c[0] + c[1] not in used_courses]
                    course, group = options[0] if kind == "homework" else rng.choice(options)
                    used_courses.add(course + group)
                    matching = [v for v in free_vols if any(s in v.subjects for s in _KIND_SUBJECTS[kind])]
                    vol = min(matching or free_vols, key=lambda v: load[v.id])
                    free_vols.remove(vol)
                    free_rooms.remove(room)
                    load[vol.id] += 1
                    made += 1
                    slot_id = self.w.new_id(m.TimetableSlot)
                    room_id = self.room_ids[room]
                    self.w.add(
                        m.TimetableSlot,
                        {
                            "id": slot_id,
                            "timetable_id": tt_id,
                            "weekday": weekday,
                            "start_time": _hm(start),
                            "end_time": _hm(end),
                            "course": course,
                            "kind": kind,
                            "room_id": room_id,
                            "volunteer_id": vol.id,
                            "target_group": group,
                        },
                    )
                    self.slots.append(
                        {
                            "id": slot_id,
                            "period": period,
                            "weekday": weekday,
                            "start": start,
                            "end": end,
                            "course": course,
                            "kind": kind,
                            "room_id": room_id,
                            "vol": vol,
                            "group": group,
                        }
                    )
                    span = availability.setdefault((vol.id, weekday), [start, end])
                    span[0], span[1] = min(span[0], start), max(span[1], end)
            for (vol_id, weekday), (start, end) in sorted(availability.items()):
                self.w.add(
                    m.VolunteerAvailability,
                    {
                        "volunteer_id": vol_id,
                        "weekday": weekday,
                        "start_time": _hm(start),
                        "end_time": _hm(end),
                        "valid_from": period.start,
                        "valid_to": period.end,
                    },
                )

    # -- activities -----------------------------------------------------------------------------------------

    def activities(self) -> None:
        rng = self.rng("activities")
        self.acts_by_day: dict[dt.date, list[_Act]] = {}
        self.minutes: Counter[int] = Counter()  # approved minutes per volunteer, for certificates
        self.pending_minutes: Counter[int] = Counter()
        events = self.event_days(rng)
        by_weekday: dict[tuple[_Period, int], list[dict[str, Any]]] = {}
        for slot in self.slots:
            by_weekday.setdefault((slot["period"], slot["weekday"]), []).append(slot)
        classics = [line[0] for line in _lines(_CLASSICS)]
        for period in self.periods:
            for day in self.open_days(period.start, min(period.end, self.yesterday)):
                if day in events:
                    continue
                for slot in by_weekday.get((period, day.isoweekday()), []):
                    self.add_activity(
                        rng,
                        day,
                        slot["course"],
                        slot["kind"],
                        slot["start"],
                        slot["end"],
                        slot["room_id"],
                        slot["id"],
                        [slot["vol"]],
                        slot["group"],
                        classics,
                    )
        for day, (title, kind) in sorted(events.items()):
            active = [v for v in self.vols if v.start <= day and (v.end is None or v.end >= day)]
            if not active:
                continue
            team = rng.sample(active, k=min(len(active), rng.randint(2, 4)))
            start = 900 if _school_day(day) else 570
            room = self.room_ids["操场" if kind == "other" else "活动室"]
            self.add_activity(rng, day, title, kind, start, start + 120, room, None, team, "全体", classics)

    def event_days(self, rng: random.Random) -> dict[dt.date, tuple[str, str]]:
        events: dict[dt.date, tuple[str, str]] = {}
        for year in range(self.records_from.year, self.today.year + 1):
            dated = [(dt.date(year, mo, d), title, kind) for title, mo, d, kind in _EVENTS]
            camp = next(p for p in _periods_of(year) if p.kind == "summer")
            dated += [
                (camp.start, "暑期夏令营开营仪式", "other"),
                (camp.end, "暑期夏令营结营汇报演出", "music"),
            ]
            sf = spring_festival(year)
            dated.append((sf - dt.timedelta(days=10), "写春联送祝福", "art"))
            for day, title, kind in dated:
                day = self.prev_open(day)
                if self.records_from <= day <= self.yesterday and day not in events:
                    events[day] = (title, kind)
        return events

    def add_activity(
        self,
        rng: random.Random,
        day: dt.date,
        title: str,
        kind: str,
        start: int,
        end: int,
        room_id: int,
        slot_id: int | None,
        team: list[_Vol],
        group: str,
        classics: list[str],
    ) -> None:
        act_id = self.w.new_id(m.Activity)
        lead = team[0]
        description = {
            "reading": f"共读《{rng.choice(classics)}》，孩子们轮流朗读并分享感受",
            "homework": "辅导当天家庭作业，检查订正后做口算练习",
            "art": f"主题：{rng.choice(_ART_THEMES)}",
            "sports": f"{title}：热身、技能练习、分组比赛",
            "music": f"学唱《{rng.choice(_SONGS)}》",
            "other": rng.choice(_SAFETY_TOPICS) if title in ("安全教育", "自我保护教育") else title,
        }[kind]
        outcome = rng.choice(_OUTCOMES).format(n=rng.randint(8, 30)) if rng.random() < 0.3 else ""
        self.w.add(
            m.Activity,
            {
                "id": act_id,
                "title": title,
                "kind": kind,
                "on_date": day,
                "start_time": _hm(start),
                "end_time": _hm(end),
                "room_id": room_id,
                "slot_id": slot_id,
                "description": f"{description}（{lead.name}老师带领）",
                "outcome": outcome,
                "created_by": self.user_id,
                "created_at": _local(day, end + 10),
                "updated_at": _local(day, end + 10),
            },
        )
        approved_by = day + dt.timedelta(days=7)
        for i, vol in enumerate(team):
            self.w.add(
                m.ActivityVolunteer,
                {"activity_id": act_id, "volunteer_id": vol.id, "role": "lead" if i == 0 else "assistant"},
            )
            approved = approved_by < self.today
            minutes = end - start
            (self.minutes if approved else self.pending_minutes)[vol.id] += minutes
            self.w.add(
                m.ServiceHours,
                {
                    "volunteer_id": vol.id,
                    "activity_id": act_id,
                    "on_date": day,
                    "minutes": minutes,
                    "description": title,
                    "status": "approved" if approved else "pending",
                    "approved_by": self.user_id if approved else None,
                    "approved_at": _local(approved_by, 1020) if approved else None,
                    "created_at": _local(day, end + 15),
                    "updated_at": _local(approved_by if approved else day, 1020),
                },
            )
        grades = _TARGET_GRADES.get(group, (0, 9))
        act = _Act(
            act_id,
            title,
            kind,
            day,
            start,
            end,
            self.room_capacity.get(room_id, 40),
            grades,
            register=slot_id is None or rng.random() < 0.25,
        )
        self.acts_by_day.setdefault(day, []).append(act)

    # -- the days: attendance, loans, equipment lending ------------------------------------------------------

    def days(self) -> None:
        rng = self.rng("days")
        span_start = self.plan.span_start
        # Activities before the span (last summer at scale 1) get their registers from the roster of the day.
        for day in sorted(d for d in self.acts_by_day if d < span_start):
            roster = [k for k in self.kids if k.enrol <= day.toordinal() < k.end]
            for act in self.acts_by_day[day]:
                if act.register:
                    self.activity_register(rng, act, [k for k in roster if rng.random() > k.absent_p])

        days = self.open_days(span_start, self.yesterday)
        self.resolved_kid, streak_days = self.pick_streaks(rng, days)
        self.open_loans: list[_Loan] = []
        self.eq_open: list[tuple[Row, _Item, int | None]] = []
        self.eq_lost: list[tuple[Row, _Item]] = []
        for n, day in enumerate(days):
            present = self.day_register(rng, day, streak_days)
            for act in self.acts_by_day.get(day, []):
                if act.register:
                    self.activity_register(rng, act, present)
            self.lend_books(rng, day, present)
            self.lend_equipment(rng, day, present, last=n == len(days) - 1)
            if n % max(1, len(days) // 10) == 0:
                self.report(
                    45 + round(50 * n / max(1, len(days))), f"正在生成考勤和借阅记录（{day:%Y-%m}）……"
                )

    def pick_streaks(
        self, rng: random.Random, days: list[dt.date]
    ) -> tuple[_Kid | None, dict[int, set[int]]]:
        """Children who stopped coming in the last week (for the early warning), and one earlier, resolved case."""
        # Regulars: enrolled well before the streaks (the resolved one starts ~35 open days ago).
        cutoff = days[max(0, len(days) - 45)].toordinal() if days else 0
        active = [k for k in self.kids if k.end == _NEVER and k.enrol < cutoff]
        chosen = rng.sample(active, k=min(len(active), 2 * min(self.plan.scale, 4) + 1))
        streaks: dict[int, set[int]] = {}
        stopped = chosen[:-1]
        for kid in stopped:
            streaks[kid.id] = {d.toordinal() for d in days[-rng.randint(4, 6) :]}
        resolved = chosen[-1] if chosen and len(days) > 40 else None
        if resolved is not None:
            start = len(days) - 35
            streaks[resolved.id] = {d.toordinal() for d in days[start : start + 4]}
            self.resolved_streak = days[start + 3]
        return resolved, streaks

    def day_register(self, rng: random.Random, day: dt.date, streaks: dict[int, set[int]]) -> list[_Kid]:
        ordinal = day.toordinal()
        term = _school_day(day)
        opens, closes = (975, 1110) if term else (520, 990)
        reg_id = self.w.new_id(m.AttendanceRegister)
        taken = _local(day, opens + 20)
        note = "下大雨，部分孩子没来" if rng.random() < 0.02 else ""
        self.w.add(
            m.AttendanceRegister,
            {
                "id": reg_id,
                "on_date": day,
                "activity_id": None,
                "taken_by": self.user_id,
                "note": note,
                "created_at": taken,
                "updated_at": taken,
            },
        )
        present: list[_Kid] = []
        extra_absence = 0.15 if note else 0.0
        for kid in self.kids:
            if not kid.enrol <= ordinal < kid.end:
                continue
            r = rng.random()
            if ordinal in streaks.get(kid.id, ()) or r < kid.absent_p + extra_absence:
                code = "A"
            elif r < kid.absent_p + extra_absence + 0.02:
                code = "E"
            elif r < kid.absent_p + extra_absence + 0.05:
                code = "L"
            else:
                code = "P"
            row: Row = {
                "register_id": reg_id,
                "child_id": kid.id,
                "code": code,
                "version": 1,
                "marked_at": taken,
                "marked_by": self.user_id,
                "check_in_at": None,
                "check_out_at": None,
                "picked_up_by": "",
                "pickup_authorised": None,
                "note": "",
            }
            if code == "E":
                row["note"] = rng.choice(("生病请假", "家里有事", "去镇上看病", "随奶奶走亲戚"))
            elif code in ("P", "L"):
                arrive = opens + rng.randint(-10, 15) if code == "P" else opens + rng.randint(25, 60)
                row["check_in_at"] = _local(day, arrive)
                if code == "L":
                    row["marked_at"] = row["check_in_at"]
                    row["version"] = 2  # first marked absent at roll call, corrected on arrival
                row["check_out_at"] = _local(day, closes + rng.randint(-15, 20))
                if kid.walks_home:
                    row["note"] = "自行回家"
                elif rng.random() < 0.002:
                    row["picked_up_by"] = f"邻居{rng.choice(_SURNAMES_COMMON)}阿姨"
                    row["pickup_authorised"] = False
                    row["note"] = "不在接送名单，已电话联系监护人确认"
                else:
                    row["picked_up_by"] = rng.choice(kid.pickups)
                    row["pickup_authorised"] = True
                present.append(kid)
            self.w.add(m.AttendanceMark, row)
        return present

    def activity_register(self, rng: random.Random, act: _Act, pool: list[_Kid]) -> None:
        lo, hi = act.grades
        eligible = [k for k in pool if lo <= k.grade <= hi]
        if not eligible:
            return
        n = min(len(eligible), act.capacity, rng.randint(8, 30))
        chosen = sorted(rng.sample(eligible, n), key=lambda k: k.id)
        reg_id = self.w.new_id(m.AttendanceRegister)
        taken = _local(act.day, act.start + 5)
        self.w.add(
            m.AttendanceRegister,
            {
                "id": reg_id,
                "on_date": act.day,
                "activity_id": act.id,
                "taken_by": self.user_id,
                "note": "",
                "created_at": taken,
                "updated_at": taken,
            },
        )
        for kid in chosen:
            late = rng.random() < 0.04
            self.w.add(
                m.AttendanceMark,
                {
                    "register_id": reg_id,
                    "child_id": kid.id,
                    "code": "L" if late else "P",
                    "version": 1,
                    "marked_at": taken,
                    "marked_by": self.user_id,
                    "check_in_at": None,
                    "check_out_at": None,
                    "picked_up_by": "",
                    "pickup_authorised": None,
                    "note": "",
                },
            )

    def lend_books(self, rng: random.Random, day: dt.date, present: list[_Kid]) -> None:
        ordinal = day.toordinal()
        term = _school_day(day)
        for kid in present:
            if kid.loans:
                kid.loans = [r for r in kid.loans if r > ordinal]  # returned on arrival
            if len(kid.loans) >= kid.max_books or rng.random() >= kid.borrow_p:
                continue
            copy = self.find_copy(rng, ordinal)
            if copy is None:
                continue
            r = rng.random()
            if r < 0.22:
                length = rng.randint(1, 2)  # a picture book read overnight
            elif r < 0.82:
                length = rng.randint(3, 7)
            elif r < 0.87:
                length = rng.randint(8, 14)
            else:
                length = rng.randint(15, 35)  # forgotten at home: these become the overdue ones
            ret = self.next_open(day + dt.timedelta(days=length))
            if kid.end != _NEVER and ret.toordinal() >= kid.end:
                # Children bring their books back before they leave (on their last open day at the latest).
                ret = max(day, self.prev_open(_date(kid.end - 1)))
            renewals = 1 if length > kid.loan_days and rng.random() < 0.4 else 0
            due = self.next_open(day + dt.timedelta(days=kid.loan_days * (1 + renewals)))
            minute = (975 if term else 520) + rng.randint(25, 140)  # after any return made on arrival
            loan = _Loan(copy, kid, ordinal, minute, due, ret.toordinal(), renewals)
            kid.loans.append(loan.ret)
            if loan.ret >= self.t_today:
                self.open_loans.append(loan)
                self.copy_free[copy] = _NEVER
            else:
                self.copy_free[copy] = loan.ret + 1
                self.write_loan(rng, loan, returned=_date(loan.ret))

    def find_copy(self, rng: random.Random, ordinal: int) -> int | None:
        """A copy of a popular-ish title that is on the shelf that day (a few tries, as a child browses)."""
        for _ in range(6):
            t = bisect.bisect_left(self.title_cum, rng.random() * self.title_cum[-1])
            copies = self.title_copies[t]
            c = copies[rng.randrange(len(copies))]
            if self.copy_free[c] <= ordinal:
                return c
        return None

    def write_loan(self, rng: random.Random, loan: _Loan, returned: dt.date | None) -> None:
        loaned_at = _local(_date(loan.day), loan.minute)
        returned_at = None
        if returned is not None:
            # Books come back on arrival, before that day's new loans (so the loan limit holds at every moment).
            returned_at = _local(returned, (975 if _school_day(returned) else 520) + rng.randint(0, 20))
            if returned_at <= loaned_at:
                returned_at = loaned_at + dt.timedelta(minutes=rng.randint(20, 90))
        self.w.add(
            m.Loan,
            {
                "copy_id": self.copy_ids[loan.copy],
                "child_id": loan.kid.id,
                "loaned_at": loaned_at,
                "due_on": loan.due,
                "returned_at": returned_at,
                "renewals": loan.renewals,
                "loaned_by": self.user_id,
                "returned_by": self.user_id if returned is not None else None,
            },
        )

    def lend_equipment(self, rng: random.Random, day: dt.date, present: list[_Kid], *, last: bool) -> None:
        """A class borrows balls for an hour, an art session its paints, a volunteer a tablet for a few days."""
        ordinal = day.toordinal()
        n = (1 if rng.random() < 0.7 else 0) + (1 if rng.random() < 0.2 else 0) + (2 if last else 0)
        acts = [a for a in self.acts_by_day.get(day, []) if a.kind in _ACTIVITY_GEAR]
        vols = [v for v in self.vols if v.start <= day and (v.end is None or v.end >= day)]
        for i in range(n):
            kind = rng.choices(("class", "activity", "volunteer", "child"), (45, 25, 20, 10))[0]
            if (
                (kind == "activity" and not acts)
                or (kind == "child" and not present)
                or (kind == "volunteer" and not vols)
            ):
                kind = "class"
            act = rng.choice(acts) if kind == "activity" else None
            categories = _ACTIVITY_GEAR[act.kind] if act else _BORROWER_GEAR[kind]
            pool = self.items_by_category.get(rng.choice(categories), [])
            if not pool:
                continue
            item = rng.choice(pool)
            if item.available_from > ordinal or (item.units and kind != "volunteer"):
                continue
            item.out = [(r, q) for r, q in item.out if r >= ordinal]
            free_qty = item.qty - sum(q for _, q in item.out)
            unit_id = None
            if item.units:
                free_units = [u for u in item.units if self.unit_free.get(u, 0) <= ordinal]
                if not free_units:
                    continue
                unit_id, qty = rng.choice(free_units), 1
            elif free_qty < 1:
                continue
            else:
                qty = (
                    1
                    if kind == "child"
                    else rng.randint(1, min(10 if kind in ("class", "activity") else 3, free_qty))
                )
            row: Row = {
                "id": self.w.new_id(m.EquipmentLoan),
                "item_id": item.id,
                "unit_id": unit_id,
                "quantity": qty,
                "borrower_kind": kind,
                "child_id": None,
                "volunteer_id": None,
                "activity_id": None,
                "borrower_label": "",
                "lent_by": self.user_id,
                "notes": "",
            }
            start = (995 if _school_day(day) else 545) + rng.randint(0, 30)
            days_out = 0
            if kind == "class":
                grade = rng.randint(1, 6)
                row["borrower_label"] = _grade_label(grade) + (
                    f"{rng.randint(1, 2)}班" if rng.random() < 0.6 else ""
                )
            elif act is not None:
                row["activity_id"], row["borrower_label"] = act.id, act.title
                start = act.start - 5
            elif kind == "volunteer":
                vol = rng.choice(vols)
                row["volunteer_id"], row["borrower_label"] = vol.id, vol.name
                days_out = rng.randint(0, 4) if unit_id is not None else 0
            else:
                kid = rng.choice(present)
                row["child_id"], row["borrower_label"] = kid.id, kid.name
                days_out = 1
            back_day = self.next_open(day + dt.timedelta(days=days_out)) if days_out else day
            row["lent_at"] = _local(day, start)
            row["due_at"] = _local(back_day, 1080 if days_out else start + 90)
            if (last and i >= n - 2) or back_day >= self.today:
                row["returned_at"], row["returned_quantity"] = None, 0
                self.eq_open.append((row, item, unit_id))
                ret = _NEVER
            else:
                late = rng.random() < 0.08
                back = row["due_at"] + dt.timedelta(
                    minutes=rng.randint(5, 40) if late else -rng.randint(0, 30)
                )
                row["returned_at"] = max(back, row["lent_at"] + dt.timedelta(minutes=20))
                row["returned_quantity"] = qty
                if late:
                    row["notes"] = "晚还了一会儿"
                if qty >= 3 and rng.random() < 0.03:
                    row["returned_quantity"] = qty - 1
                    row["notes"] = "归还时少了1个"
                    self.eq_lost.append((row, item))
                ret = back_day.toordinal()
            item.out.append((ret, qty))
            if unit_id is not None:
                self.unit_free[unit_id] = _NEVER if ret == _NEVER else ret + 1
            self.w.add(m.EquipmentLoan, row)

    # -- finishing: open loans, statuses, follow-ups, certificates ------------------------------------------

    def finish(self) -> None:
        rng = self.rng("finish")
        self.settle_open_loans(rng)
        for row, item in self.eq_lost:
            self.w.add(
                m.EquipmentIncident,
                self.incident(
                    rng,
                    item.id,
                    None,
                    "lost",
                    row["quantity"] - row["returned_quantity"],
                    (row["returned_at"] + _UTC_OFFSET).date(),
                    item.category,
                    "借用归还时少了1个",
                    loan_id=row["id"],
                ),
            )
        self.w.flush()
        # Statuses of what is out now; updated_at is the lending time (not the clock, so fills are repeatable).
        units_out = [{"b_id": u, "b_at": row["lent_at"]} for row, _item, u in self.eq_open if u is not None]
        if units_out:
            table = m.EquipmentUnit.__table__
            self.s.execute(
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values(status="on_loan", updated_at=bindparam("b_at")),
                units_out,
            )
        self.follow_ups(rng)
        self.certificates(rng)

    def settle_open_loans(self, rng: random.Random) -> None:
        """Keep ~150 loans open (about 20 overdue) per 116 active children; the rest were returned recently."""
        active = sum(1 for k in self.kids if k.end == _NEVER)
        target_open = round(150 * active / 116)
        target_overdue = round(20 * active / 116)
        overdue = [loan for loan in self.open_loans if loan.due < self.today]
        current = [loan for loan in self.open_loans if loan.due >= self.today]
        rng.shuffle(overdue)
        rng.shuffle(current)
        keep_overdue = overdue[:target_overdue]
        keep_current = current[: max(0, target_open - len(keep_overdue))]
        returned = overdue[target_overdue:] + current[len(keep_current) :]
        for loan in returned:
            # Brought back in the last few days (late ones after their due date).
            first = _date(loan.day + 1)
            if loan.due < self.today:
                first = max(first, loan.due)
            first = min(first, self.yesterday)
            back = rng.choice(self.open_days(first, self.yesterday) or [self.yesterday])
            self.write_loan(rng, loan, returned=back)
        still_open = sorted(keep_overdue + keep_current, key=lambda loan: (loan.day, loan.copy))
        for loan in still_open:
            self.write_loan(rng, loan, returned=None)
        self.w.flush()
        if still_open:
            table = m.BookCopy.__table__
            self.s.execute(
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values(status="on_loan", updated_at=bindparam("b_at")),
                [
                    {"b_id": self.copy_ids[loan.copy], "b_at": _local(_date(loan.day), loan.minute)}
                    for loan in still_open
                ],
            )

    def follow_ups(self, rng: random.Random) -> None:
        rows: list[Row] = []
        span_start = self.plan.span_start
        for kid in self.special:
            for _ in range(rng.randint(1, 2)):
                day = span_start + dt.timedelta(days=rng.randrange(max(1, self.plan.span_days - 7)))
                rows.append(
                    {
                        "child_id": kid.id,
                        "on_date": day,
                        "method": rng.choice(("home_visit", "phone", "school")),
                        "reason": "special_attention",
                        "note": "了解孩子近况和在家学习情况",
                        "outcome": rng.choice(
                            (
                                "奶奶说孩子最近情绪好一些",
                                "和班主任沟通了孩子的在校表现",
                                "与在外务工的妈妈通了视频电话",
                            )
                        ),
                        "next_step": "一个月后再回访",
                        "resolved": rng.random() < 0.6,
                    }
                )
        if self.resolved_kid is not None:
            day = self.resolved_streak + dt.timedelta(days=1)
            rows.append(
                {
                    "child_id": self.resolved_kid.id,
                    "on_date": day,
                    "method": "home_visit",
                    "reason": "absent_streak",
                    "note": "连续多日未到中心，上门家访",
                    "outcome": "奶奶生病住院，孩子在家照顾；已联系村委帮忙，孩子下周回来",
                    "next_step": "",
                    "resolved": True,
                }
            )
        for left in (k for k in self.kids if k.end != _NEVER):
            rows.append(
                {
                    "child_id": left.id,
                    "on_date": _date(left.end),
                    "method": "phone",
                    "reason": "left",
                    "note": "确认孩子离开中心的去向",
                    "outcome": "已转学，家长表示孩子适应良好",
                    "next_step": "",
                    "resolved": True,
                }
            )
        for row in sorted(rows, key=lambda r: (r["on_date"], r["child_id"])):
            row.update(
                staff_user_id=self.user_id,
                created_at=self.stamp(row["on_date"], 1080),
                updated_at=self.stamp(row["on_date"], 1080),
            )
            self.w.add(m.FollowUp, row)

    def certificates(self, rng: random.Random) -> None:
        """Certificates for summer students whose hours are all approved."""
        for vol in self.vols:
            if vol.kind != "student" or vol.end is None or vol.end >= self.today - dt.timedelta(days=3):
                continue
            if self.pending_minutes[vol.id] or not self.minutes[vol.id]:
                continue
            issued = min(vol.end + dt.timedelta(days=rng.randint(10, 20)), self.yesterday)
            self.w.add(
                m.Certificate,
                {
                    "volunteer_id": vol.id,
                    "issued_on": issued,
                    "period_from": vol.start,
                    "period_to": vol.end,
                    "minutes": self.minutes[vol.id],
                    "verification_code": f"GL{vol.start.year}-{vol.id:05d}-{rng.randrange(16**6):06X}",
                },
            )
