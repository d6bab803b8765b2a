"""Tiny guides in the scripts a clinic's patients read, for the DOCX tests: every kind of block the
DOCX writes a script's way (a list, a numbered list, a call-out, a table, an English name)."""
from __future__ import annotations

from pathlib import Path

from plainpress.source import read_guide

# lang: (title, key point, heading, sentence before the English name, sentence after it, step, warning,
#        table header and row)
WORDS = {
    "ar": ("ضغط الدم المرتفع", "خذ دواءك كل يوم.", "دواؤك", "اسم دوائك هو", "اتصل على الرقم 555-0100 إذا نسيت جرعة.",
           "اغسل يديك.", "لا تأخذ حبتين في نفس الوقت.", ("الوقت", "الدواء"), ("الصباح", "حبة بيضاء واحدة")),
    "fa": ("فشار خون بالا", "داروی خود را هر روز بخورید.", "داروی شما", "نام داروی شما", "اگر یک نوبت را فراموش کردید، با شماره 555-0100 تماس بگیرید.",
           "دست‌های خود را بشویید.", "دو قرص را با هم نخورید.", ("زمان", "دارو"), ("صبح", "یک قرص سفید")),
    "zh-Hans": ("高血压", "每天服药。", "您的药物", "您的药叫", "如果忘记吃药，请拨打555-0100。",
                "洗手。", "不要一次吃两片药。", ("时间", "药物"), ("早上", "一片白色的药")),
    "zh-Hant": ("高血壓", "每天服藥。", "您的藥物", "您的藥叫", "如果忘記吃藥，請撥打555-0100。",
                "洗手。", "不要一次吃兩片藥。", ("時間", "藥物"), ("早上", "一片白色的藥")),
    "ja": ("高血圧", "毎日薬を飲みましょう。", "あなたの薬", "薬の名前は", "飲み忘れたら555-0100に電話してください。",
           "手を洗います。", "一度に2錠飲まないでください。", ("時間", "薬"), ("朝", "白い錠剤1錠")),
    "ko": ("고혈압", "매일 약을 드세요.", "복용하는 약", "약 이름은", "약을 잊으면 555-0100으로 전화하세요.",
           "손을 씻습니다.", "한 번에 두 알을 먹지 마세요.", ("시간", "약"), ("아침", "흰 알약 한 개")),
    "vi": ("Huyết áp cao", "Uống thuốc mỗi ngày.", "Thuốc của bạn", "Tên thuốc của bạn là", "Nếu quên uống thuốc, hãy gọi 555-0100.",
           "Rửa tay.", "Không uống hai viên cùng một lúc.", ("Thời gian", "Thuốc"), ("Buổi sáng", "Một viên màu trắng")),
}


def markdown(lang: str) -> str:
    title, point, heading, before, after, step, warning, header, row = WORDS[lang]
    return (f"---\ntitle: {title}\nlang: {lang}\ndate: 2026-10-01\n---\n\n"
            f"::: key-points\n- {point}\n:::\n\n## {heading}\n\n{before} [Amlodipine]{{lang=en}}. {after}\n\n"
            f"1. {step}\n2. {step}\n\n::: warning\n{warning}\n:::\n\n"
            f"| {header[0]} | {header[1]} |\n|---|---|\n| {row[0]} | {row[1]} |\n")


def guide(tmp_path: Path, lang: str):
    path = tmp_path / lang / f"{lang}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown(lang), encoding="utf-8")
    return read_guide(path)
