"""Pools for people: children's and grown-ups' names, where parents work, notes, donors, universities; phone
numbers."""

from __future__ import annotations

import random

from center_app.demo.pools import weights, words

SURNAMES_COMMON = words(
    "王 李 张 刘 陈 杨 黄 赵 周 吴 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 萧 田 董 潘 袁 "
    "蔡 蒋 余 于 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 方 白 邹 孟 熊 秦 邱 江 "
    "尹 薛 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 武 戴 莫 孔 向 汤"
)
# Guangxi surnames with rough weights (黄, 韦, 覃, 莫 are far more common there than nationally).
CHILD_SURNAMES = weights(
    "黄:12 李:8 韦:8 陈:6 莫:6 覃:6 廖:5 钟:5 梁:5 王:4 蒙:3 罗:3 刘:3 张:3 杨:3 蓝:2 周:2 潘:2 邓:2 吴:2 何:2 谢:2 唐:2 卢:2 陆:2 农:1 欧阳:1"
)
BOY_CHARS = words(
    "浩 宇 轩 俊 杰 明 志 强 涛 鹏 博 文 嘉 子 宏 睿 晨 航 健 星 凯 诚 磊 鑫 斌 豪 然 泽 瑞 彬 康 林 峰 远 荣 福 昌 勇 亮 伟 宁 洋 毅 阳 一 天 佳 家"
)
GIRL_CHARS = words(
    "欣 怡 婷 雨 诗 佳 思 梓 涵 琪 雪 梅 丽 慧 晓 彤 妍 萱 语 心 悦 可 静 雅 婧 璐 颖 玲 芳 秋 月 桂 艳 燕 娜 倩 蕾 菲 露 嘉 宁 若 薇 欢 晴 依 瑶 春 兰"
)
OLD_MEN = words(
    "德明 国强 建华 振华 志刚 家福 永良 树林 长生 有才 金贵 福生 明德 德全 光明 启文 荣华 立新 保国 绍光 文昌 世平 国庆 春生 水生"
)
OLD_WOMEN = words(
    "秀英 桂兰 玉兰 凤英 秀珍 桂芳 美华 翠英 玉梅 桂英 月娥 凤莲 秀兰 金花 春梅 玉凤 爱莲 秀梅 丽华 淑芬"
)
MEN = words("海波 志勇 建军 小平 伟东 文华 永强 春华 国伟 海军 俊峰 明辉 志明 建伟 晓东 振宇 德林")
WOMEN = words("丽萍 小燕 春燕 海燕 晓红 美玲 秀云 红梅 小芳 玉婷 丽娟 桂香 艳萍 晓梅 金凤")
WORK_CITIES = weights(
    "深圳:25 东莞:18 广州:15 佛山:10 中山:6 惠州:4 厦门:4 南宁:4 温州:3 珠海:3 柳州:3 江门:2 上海:2 杭州:2 贺州:3"
)
MOBILE_PREFIXES = words(
    "130 131 132 133 135 136 137 138 139 150 151 152 155 156 157 158 159 180 181 182 183 185 186 187 188 189"
)
HEALTH_NOTES = (
    "轻度近视，已配眼镜",
    "有哮喘，剧烈运动前需带好喷雾",
    "先天性心脏病术后，避免剧烈运动",
    "轻度贫血",
    "容易流鼻血",
    "有癫痫病史，按时服药",
    "听力较弱，请安排坐前排",
    "湿疹，夏天注意",
)
ALLERGIES = ("花生过敏", "青霉素过敏", "芒果过敏", "海鲜过敏", "尘螨过敏", "鸡蛋过敏")
SPECIAL_NOTES = (
    "父母离异，随奶奶生活，性格内向，需多鼓励",
    "爷爷奶奶年纪大，作业在家无人辅导",
    "上学期有辍学倾向，班主任已家访",
    "父亲外出务工多年未回家，情绪低落",
    "家庭经济困难，已申请助学金",
    "与同学常有冲突，需关注情绪",
)
CHILD_NOTES = ("喜欢画画", "爱看科普书", "篮球队队员", "参加合唱队", "喜欢下象棋", "朗读比赛获过奖")
LEFT_REASONS = ("随父母到深圳上学", "转学到镇中心小学", "搬家到贺州市区", "随父母到东莞上学", "到县城读初中")
# Who looks after a child whose parents are both away (mostly a grandmother).
CARERS_BOTH_AWAY = (("祖母", 35), ("祖父", 15), ("外祖母", 20), ("外祖父", 8), ("姑姑", 6), ("舅舅", 3))
GRANDPARENT_HEALTH = weights("良好:40 高血压:20 关节炎:10 腿脚不便:10 糖尿病:8 视力差:7 心脏不好:5")

DONORS = (
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
UNIVERSITIES = ("广西师范大学", "贺州学院", "广西民族大学", "南宁师范大学", "玉林师范学院")
MAJORS = (
    ("美术学", "美术;手工"),
    ("音乐学", "音乐"),
    ("体育教育", "体育"),
    ("英语", "英语;作业辅导"),
    ("汉语言文学", "语文;阅读"),
    ("应用心理学", "心理;小组活动"),
    ("科学教育", "科学;其他"),
)


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def landline(rng: random.Random, area: str) -> str:
    digits = 8 if area in ("0755", "020", "0769") else 7
    return f"{area}-{rng.randint(2, 8)}{rng.randrange(10 ** (digits - 1)):0{digits - 1}d}"
