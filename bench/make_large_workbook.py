#!/usr/bin/env python3
"""Writes a large planning-shaped workbook for the benchmarks: an E-81-like sheet of ROWS rows × 20 columns.

Programs, kegiatan and sub-kegiatan in the hierarchy of Permendagri 90/2019 (each program 19 kegiatan of 20
sub-kegiatan), with kode, names, indicators and units as strings, rupiah amounts whose parents are the sums of their
children, K counts (percentages for programs and kegiatan), quarterly realisations and capaian as formulas with cached
values. One sub-kegiatan in 997 carries
a wrong capaian, so that linting it finds something, as it would in a real workbook. Written by Python's xlsxwriter in
constant-memory mode.
With --distinct-names, every sub-kegiatan names its own place and every row its own indicator, as a table of works
by location does ("Rehabilitasi Jalan Desa Sukamaju", "… Ruas 12"): thousands of names a few letters apart, which the
checks across documents must match without comparing each with all the others.
Usage: python3 bench/make_large_workbook.py OUT.xlsx [ROWS] [--distinct-names]   (default 200000 rows)
"""
import random
import sys

import xlsxwriter

UNITS = ["Dokumen", "Orang", "Paket", "Unit", "Laporan", "Lembaga", "KK", "Bulan"]
NAMES = ["Penyediaan Gaji dan Tunjangan ASN", "Penyediaan Peralatan dan Perlengkapan Kantor",
         "Fasilitasi Kunjungan Tamu", "Penyediaan Jasa Surat Menyurat", "Rehabilitasi Sosial Dasar Penyandang Disabilitas",
         "Perlindungan Sosial Korban Bencana Alam", "Pemberdayaan Sosial Komunitas Adat Terpencil"]
HEADER = ["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan", "Target Renstra K", "Target Renstra Rp",
          "Realisasi s.d. 2023 K", "Realisasi s.d. 2023 Rp", "Target 2024 K", "Pagu 2024", "TW I K", "TW I Rp",
          "TW II K", "TW II Rp", "Realisasi 2024 K", "Realisasi 2024 Rp", "Capaian K (%)", "Capaian Rp (%)", "Unit PD"]
KEGIATAN, SUBS = 19, 20
MONEY = (6, 8, 10, 12, 14)   # Renstra, s.d. 2023, pagu, TW I, TW II (realisasi 2024 = TW I + TW II)


def sub_row(rng, wrong):
    target = rng.randint(1, 600)
    pagu = rng.randint(1_000_000, 900_000_000)
    tw1, tw2 = rng.randint(0, target // 2), rng.randint(0, target // 2)
    rp1, rp2 = rng.randint(0, pagu // 3), rng.randint(0, pagu // 3)
    return {"K": (target * 5, target * 3, target, tw1, tw2), "Rp": (pagu * 5, pagu * 3, pagu, rp1, rp2), "wrong": wrong}


def percentage(rng):
    """A percentage indicator's K for a program or kegiatan: Renstra and yearly targets of 100, two quarters' progress."""
    first = rng.randint(20, 50)
    return (100, 100, 100, first, rng.randint(0, 100 - first))


def total(rows):
    return tuple(sum(row["Rp"][i] for row in rows) for i in range(5))


SYLLABLES = ["ka", "ma", "ju", "su", "ri", "to", "la", "ne", "wa", "di", "po", "se", "bu", "ge", "ho", "ya"]


def place(number):
    """A village name of five syllables, the number's base-16 digits: consecutive rows differ by a letter or two."""
    word = ""
    for _ in range(5):
        word += SYLLABLES[number % 16]
        number //= 16
    return word.capitalize()


def main():
    distinct = "--distinct-names" in sys.argv[1:]
    arguments = [argument for argument in sys.argv[1:] if argument != "--distinct-names"]
    out = arguments[0]
    rows = int(arguments[1]) if len(arguments) > 1 else 200_000
    rng = random.Random(2024)
    workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
    sheet = workbook.add_worksheet("E-81")
    bold = workbook.add_format({"bold": True})
    italic = workbook.add_format({"italic": True})
    money = workbook.add_format({"num_format": "#,##0.00"})
    percent = workbook.add_format({"num_format": "0.00"})
    for column, text in enumerate(HEADER):
        sheet.write_string(0, column, text, bold)
    state = {"row": 1, "number": 0}

    def write(kode, name, level_format, k, rp, wrong=False, indicator=None, unit=None):
        row = state["row"]
        if row >= rows:
            return
        state["number"] += 1
        excel_row = row + 1
        sheet.write_number(row, 0, state["number"])
        sheet.write_string(row, 1, kode, level_format)
        sheet.write_string(row, 2, name, level_format)
        default = NAMES[(row * 7) % len(NAMES)] + (f" Desa {place(row)}" if distinct else "")
        sheet.write_string(row, 3, indicator or "- Jumlah " + default + " yang Disediakan")
        sheet.write_string(row, 4, unit or UNITS[row % len(UNITS)])
        for offset, column in enumerate((5, 7, 9, 11, 13)):
            sheet.write_number(row, column, k[offset])
            sheet.write_number(row, column + 1, rp[offset], money)
        sheet.write_formula(row, 15, f"=L{excel_row}+N{excel_row}", None, k[3] + k[4])
        capaian = (k[3] + k[4]) / k[2] * 100 + (7 if wrong else 0)
        sheet.write_formula(row, 17, f"=P{excel_row}/J{excel_row}*100", percent, round(capaian, 2))
        sheet.write_formula(row, 16, f"=M{excel_row}+O{excel_row}", money, rp[3] + rp[4])
        sheet.write_formula(row, 18, f"=Q{excel_row}/K{excel_row}*100", percent, round((rp[3] + rp[4]) / rp[2] * 100, 2))
        sheet.write_string(row, 19, "Dinas Sosial")
        state["row"] += 1

    number = 0
    while state["row"] < rows:
        # Programs of two digits under bidang of two digits (1.01.01 … 1.99.99), as the nomenclature numbers them.
        bidang, program = number // 99 % 99 + 1, number % 99 + 1
        number += 1
        prefix = f"1.{bidang:02d}.{program:02d}"
        blocks = [[sub_row(rng, rng.random() < 1 / 997) for _ in range(SUBS)] for _ in range(KEGIATAN)]
        subs = [sub for block in blocks for sub in block]
        write(prefix, f"PROGRAM {number} {NAMES[number % len(NAMES)].upper()}", bold, percentage(rng), total(subs),
              indicator="- Persentase Pelayanan Sosial yang Terpenuhi", unit="%")
        for kegiatan, block in enumerate(blocks, start=1):
            write(f"{prefix}.2.{kegiatan:02d}", NAMES[kegiatan % len(NAMES)], italic, percentage(rng), total(block),
                  indicator="- Persentase Kegiatan yang Terlaksana", unit="%")
            for sub_number, sub in enumerate(block, start=1):
                name = NAMES[(kegiatan + sub_number) % len(NAMES)]
                if distinct:
                    # Every fourth a numbered road section, the others a village.
                    where = f"Ruas {state['row']}" if sub_number % 4 == 0 else f"Desa {place(state['row'])}"
                    name = f"{name} {where}"
                write(f"{prefix}.2.{kegiatan:02d}.{sub_number:04d}", name, None, sub["K"], sub["Rp"], sub["wrong"])
    workbook.close()


if __name__ == "__main__":
    main()
