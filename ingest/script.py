"""Reports in traditional characters → simplified, so that the form's labels and headings are found.

Government sites offer a 繁體 view of every page, and pages copied from that view (or from sites that mirror
it) print 「第二十條第（一）項」「本年新收政府信息公開申請數量」: not one label of the form matches.  Such a
document is detected by its traditional-only characters and written in simplified ones, character by
character.  The table holds the characters of the form's labels, headings and columns, and the common ones
of titles, agency names and running text; a rarer traditional character stays as printed (the clerk is told).
A document in simplified characters keeps its characters, with two exceptions: the radicals some PDF
producers write for the ideographs they look like (「⼀」「⾏」「⺠」) become those ideographs, and the pinyin some
mirrors print after a character as a reading aid (「規(guī)章」「數(shù)量」) is taken out.  The Taiwan word a
phrase converter puts for 文件 in the form's label (「行政規範性檔案」 for 行政规范性文件) is undone on
traditional pages.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# traditional, simplified: only characters that are traditional-only (never written in simplified text), each
# with its one simplified form; 乾 and 覆, which simplified text also writes (乾坤, 覆盖), are left out
_PAIRS = (
    "萬万與与業业兩两個个東东為为爲为舉举鄉乡書书於于雲云產产産产畝亩親亲僅仅從从倉仓價价眾众衆众優优會会傳传"
    "傷伤體体餘余償偿儲储兒儿關关興兴養养內内寫写決决況况準准減减擊击則则剛刚創创刪删別别製制劇剧辦办務务"
    "動动勞劳勢势區区醫医華华協协單单賣卖衛卫衞卫歷历曆历壓压廳厅縣县參参雙双發发變变敘叙號号葉叶後后啟启"
    "啓启員员響响問问閉闭間间隊队際际難难鎮镇長长門门鏈链錯错採采進进連连這这過过較较載载轉转車车輕轻責责"
    "貼贴費费資资購购敗败負负貨货質质貿贸讀读請请說说説说誤误該该詢询試试訴诉識识訪访設设訟讼許许記记議议"
    "認认計计訂订讓让訓训訊讯論论證证評评詞词譯译諾诺調调談谈謀谋謂谓見见規规覽览觀观補补獲获範范藥药節节"
    "營营藝艺職职聯联罰罚網网繳缴編编縮缩繼继續续維维絕绝結结經经織织組组線线綫线納纳級级糾纠紅红約约紀纪"
    "統统係系類类簽签籤签簡简穩稳稱称種种祕秘確确碼码監监電电現现環环牽牵點点瀏浏測测濟济漁渔滿满溝沟沒没"
    "權权條条來来雜杂構构機机標标樣样檔档檢检殘残氣气匯汇彙汇舊旧時时顯显曉晓術术極极無无斷断數数敵敌據据"
    "損损換换揮挥護护報报擔担擬拟執执擴扩掃扫擇择擁拥撥拨臺台懷怀態态總总惡恶願愿應应慶庆庫库廣广廢废開开"
    "異异棄弃張张彈弹強强歸归當当錄录徹彻徵征懲惩戰战鬥斗暫暂殺杀楊杨櫃柜欄栏樹树橋桥樓楼滬沪澤泽潔洁漸渐"
    "遊游灣湾濕湿滯滞濱滨滅灭燈灯靈灵災灾煩烦燒烧熱热愛爱狀状獨独獻献畫画暢畅療疗鹽盐蓋盖盤盘礦矿礎础礙碍"
    "禮礼離离積积稅税競竞筆笔籌筹糧粮緊紧綱纲紙纸練练細细終终紹绍給给績绩綜综綠绿羅罗勝胜蘇苏榮荣慮虑雖虽"
    "裝装視视覺觉講讲誠诚話话詳详語语財财貧贫輔辅輛辆輸输轄辖邊边達达遷迁運运還还遠远違违適适選选遞递遺遗"
    "郵邮釋释鑒鉴鑑鉴錢钱鐵铁銀银銷销鍵键閱阅陽阳陰阴陣阵階阶陸陆陳陈險险隨随隱隐頁页頂顶項项順顺須须顧顾"
    "預预領领題题額额風风飛飞館馆驗验龍龙屬属國国圍围團团園园圖图壞坏塊块聲声處处複复夾夹夠够頭头實实審审"
    "寧宁寶宝將将對对導导層层屆届嶺岭島岛幣币師师帳帐帶带幫帮廠厂徑径恆恒悅悦戶户拋抛捨舍掛挂揚扬搖摇搶抢"
    "撲扑撿捡擠挤擺摆擾扰攜携攝摄斂敛晝昼暉晖棟栋楓枫槍枪樂乐樞枢橫横歐欧歲岁毀毁漢汉溫温潛潜濃浓濫滥燦灿"
    "爐炉牆墙獎奖獄狱畢毕疊叠盜盗盡尽矯矫禍祸窮穷竊窃築筑篩筛紮扎純纯紛纷紳绅絡络絲丝綁绑緒绪緣缘緩缓縱纵"
    "繩绳繪绘罷罢義义習习聞闻聖圣聽听肅肃脅胁腦脑腳脚膽胆臉脸艱艰蒼苍蓮莲蔣蒋蕭萧薦荐藍蓝蘭兰虛虚蟲虫衝冲"
    "襲袭觸触託托詐诈詩诗誌志誕诞誘诱課课諸诸謝谢謹谨譜谱讚赞豐丰貝贝貞贞貢贡貫贯貴贵貸贷賀贺賓宾賞赏賠赔"
    "賦赋賴赖賽赛贊赞趕赶趨趋躍跃踐践蹤踪軌轨軍军軟软轟轰辭辞農农迴回遙遥遜逊邏逻鄭郑鄰邻針针鈔钞鉛铅鋪铺"
    "鋼钢錦锦鍋锅鎖锁鐘钟閃闪閑闲闡阐闊阔陝陕隸隶雞鸡霧雾靜静韓韩韋韦頓顿頻频顏颜飯饭飲饮駐驻駕驾騙骗驅驱"
    "髮发魚鱼鳥鸟鳴鸣麥麦黃黄齊齐齒齿們们並并劃划週周黨党幹干隻只裡里裏里佈布麼么專专專专鐘钟繫系啞哑廈厦"
    "釐厘億亿衝冲廁厕傑杰態态濁浊礙碍劑剂據据罷罢範范糰团舖铺錶表淨净涼凉減减詢询誌志臨临嚴严喬乔閣阁"
    "學学場场諮咨輿舆饋馈寬宽備备儘尽齡龄婦妇鞏巩脫脱堅坚勵励麵面覈核佔占頒颁偉伟騰腾夥伙傢家巖岩廬庐閩闽"
    "粵粤贛赣瀋沈隴陇遼辽魯鲁瓊琼靑青復复"
    # characters of place names (烏魯木齊, 義烏, 鳳陽, 嶽陽 …)
    "烏乌鳳凤嶽岳莊庄灘滩壩坝崗岗厲厉盧卢薊蓟晉晋鶴鹤鴨鸭鷹鹰麗丽涇泾滄沧瀘泸濰潍潁颍鄲郸蕪芜鄖郧灤滦")
FOLD = {ord(t): s for t, s in zip(_PAIRS[::2], _PAIRS[1::2]) if t != s}
_TRADITIONAL = re.compile("[" + "".join(map(chr, FOLD)) + "]")
_MIN_HITS = 8  # traditional-only characters in a document before it counts as written in them
_MIN_SHARE = 0.05  # … and their share of its Chinese characters (a quoted name is not a traditional page)


# a reading aid: a syllable of pinyin with its tone mark, in brackets right after the character it reads
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü]*[{_TONED}][a-zü{_TONED}]*[)）]")
_HAS_TONED = re.compile(f"[{_TONED}]")
# what a Taiwan phrase converter writes for a label of the form, folded, and the form's own words
_PHRASES = (("规范性档案", "规范性文件"), ("资讯公开", "信息公开"))  # 資訊: a converter's 信息


# Some PDF producers write a radical's code point for the ideograph it looks like (「⼀」 U+2F00 for 一, 「⺠」 for
# 民, 「⾏政复议」), or a compatibility ideograph (U+F967 for 不): the text shows right but matches no word.  The
# Kangxi radicals and the compatibility ideographs have NFKC forms; of the radicals supplement, the forms that
# stand for a whole simplified character are listed.
_SUPPLEMENT = "⺠民⺟母⺩王⺁厂⻄西⻅见⻆角⻉贝⻋车⻑长⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟"
_NFKC_BLOCKS = (range(0x2F00, 0x2FD6), range(0xF900, 0xFADA))
RADICALS = {**{c: n for block in _NFKC_BLOCKS for c in block
               if len(n := unicodedata.normalize("NFKC", chr(c))) == 1 and n != chr(c)},
            **{ord(r): ch for r, ch in zip(_SUPPLEMENT[::2], _SUPPLEMENT[1::2])}}
_RADICAL = re.compile("[\u2e80-\u2fdf\uf900-\ufad9]")


def unify_radicals(text: str) -> str:
    return text.translate(RADICALS) if _RADICAL.search(text) else text


def _cjk(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def is_traditional(text: str) -> bool:
    hits = len(_TRADITIONAL.findall(text))  # a pattern of them: ~20× quicker than a loop over the characters
    return hits >= _MIN_HITS and hits >= _MIN_SHARE * _cjk(text)  # a simplified document stops at the first test


def fold(text: str) -> str:
    text = text.translate(FOLD)
    for taiwan, form in _PHRASES:
        if taiwan in text:
            text = text.replace(taiwan, form)
    return text


def strip_pinyin(text: str) -> str:
    """The text without a mirror's pinyin after its characters (a text with no tone mark is passed over)."""
    return _PINYIN.sub("", text) if _HAS_TONED.search(text) else text


def _texts(items: list[tuple]) -> str:
    parts = []
    for kind, content in items:
        if kind == "line" and content:
            parts.append(content)
        elif kind == "table":
            parts.extend(c for row in content for c in row if c)
    return "\n".join(parts)


def grid_in_simplified(rows: list[list], traditional: bool) -> list[list]:
    """A ruled table's cells as to_simplified writes the document's text (its radicals as ideographs, in simplified
    characters when the document is traditional)."""
    return _map_rows(rows, (lambda c: fold(unify_radicals(c))) if traditional else unify_radicals)


def _map_rows(rows: list[list], fn: Callable[[str], str]) -> list[list]:
    return [[fn(c) if isinstance(c, str) else c for c in row] for row in rows]


def _map_text(items: list[tuple], fn: Callable[[str], str]) -> list[tuple]:
    """The items with fn applied to every line and every table cell's text."""
    out: list[tuple] = []
    for kind, content in items:
        if kind == "line" and content:
            out.append((kind, fn(content)))
        elif kind == "table":
            out.append((kind, _map_rows(content, fn)))
        else:
            out.append((kind, content))
    return out


def to_simplified(items: list[tuple]) -> tuple[list[tuple], bool]:
    """The items with traditional characters written in simplified ones, if the document is in traditional
    characters (else the same items), and whether it was; radicals written for ideographs and a mirror's pinyin
    are undone either way."""
    text = _texts(items)
    if _RADICAL.search(text):
        items = _map_text(items, unify_radicals)
        text = _texts(items)
    if _HAS_TONED.search(text):
        items = _map_text(items, strip_pinyin)
        text = _texts(items)
    if not is_traditional(text):
        return items, False
    return _map_text(items, fold), True


NOTE_TEXT = "原文是繁体字（网页的繁体版）：已逐字换成简体字后识别表格和标题；少见的繁体字可能仍保留原样，请核对正文"
