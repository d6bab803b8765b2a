"""Tiny guides in the scripts a clinic's patients read, for the PDF, EPUB and web page tests: a key
point, a heading, an English name inside (`[Amlodipine]{lang=en}`), a phone number that dials, a
web address that is printed, a numbered list, a warning and a table."""
from __future__ import annotations

from pathlib import Path

from plainpress.source import read_guide

# lang: (title, key point, heading, before the English name, call (before the number), step, warning,
#        table header, table row, "our website")
WORDS = {
    "ar": ("ضغط الدم المرتفع", "خذ دواءك كل يوم.", "دواؤك", "اسم دوائك هو", "اتصل بنا على", "اغسل يديك.",
           "لا تأخذ حبتين في نفس الوقت.", ("الوقت", "الدواء"), ("الصباح", "حبة بيضاء واحدة"), "موقعنا"),
    "fa": ("فشار خون بالا", "داروی خود را هر روز بخورید.", "داروی شما", "نام داروی شما", "با ما تماس بگیرید:",
           "دست‌های خود را بشویید.", "دو قرص را با هم نخورید.", ("زمان", "دارو"), ("صبح", "یک قرص سفید"), "وب‌سایت ما"),
    "zh-Hans": ("高血压", "每天服药。", "您的药物", "您的药叫", "请拨打", "洗手。", "不要一次吃两片药。",
                ("时间", "药物"), ("早上", "一片白色的药"), "我们的网站"),
    "zh-Hant": ("高血壓", "每天服藥。", "您的藥物", "您的藥叫", "請撥打", "洗手。", "不要一次吃兩片藥。",
                ("時間", "藥物"), ("早上", "一片白色的藥"), "我們的網站"),
    "ja": ("高血圧", "毎日薬を飲みましょう。", "あなたの薬", "薬の名前は", "電話番号", "手を洗います。",
           "一度に2錠飲まないでください。", ("時間", "薬"), ("朝", "白い錠剤1錠"), "私たちのウェブサイト"),
    "ko": ("고혈압", "매일 약을 드세요.", "복용하는 약", "약 이름은", "전화하세요:", "손을 씻습니다.",
           "한 번에 두 알을 먹지 마세요.", ("시간", "약"), ("아침", "흰 알약 한 개"), "저희 웹사이트"),
    "hi": ("उच्च रक्तचाप", "हर दिन अपनी दवा लें।", "आपकी दवा", "आपकी दवा का नाम है", "हमें फ़ोन करें:", "हाथ धोएँ।",
           "एक साथ दो गोलियाँ न लें।", ("समय", "दवा"), ("सुबह", "एक सफ़ेद गोली"), "हमारी वेबसाइट"),
    "ru": ("Высокое давление", "Принимайте лекарство каждый день.", "Ваше лекарство", "Ваше лекарство называется",
           "Звоните нам:", "Вымойте руки.", "Не принимайте две таблетки сразу.", ("Время", "Лекарство"),
           ("Утро", "Одна белая таблетка"), "наш сайт"),
    "vi": ("Huyết áp cao", "Uống thuốc mỗi ngày.", "Thuốc của bạn", "Tên thuốc của bạn là", "Hãy gọi cho chúng tôi:",
           "Rửa tay.", "Không uống hai viên cùng một lúc.", ("Thời gian", "Thuốc"),
           ("Buổi sáng", "Một viên màu trắng"), "trang web của chúng tôi"),
}
LANGS = tuple(WORDS)
PHONE = "555-0100"
SITE = "https://example.org/bp"


def markdown(lang: str) -> str:
    title, point, heading, before, call, step, warning, header, row, site = WORDS[lang]
    return (f"---\ntitle: {title}\nlang: {lang}\ndate: 2026-10-01\n---\n\n"
            f"::: key-points\n- {point}\n:::\n\n## {heading}\n\n{before} [Amlodipine]{{lang=en}}.\n\n"
            f"{call} [{PHONE}](tel:5550100). [{site}]({SITE})\n\n"
            f"1. {step}\n2. {step}\n\n::: warning\n{warning}\n:::\n\n"
            f"| {header[0]} | {header[1]} |\n|---|---|\n| {row[0]} | {row[1]} |\n")


def guide(folder: Path, lang: str, text: str | None = None):
    path = folder / lang / f"{lang}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text is not None else markdown(lang), encoding="utf-8")
    return read_guide(path)
