#!/usr/bin/env python3
"""Writes a large planning-shaped workbook for the benchmarks: an E-81-like sheet of ROWS rows × 20 columns.

Strings (kode, names, indicators, units), rupiah amounts, K counts, percentages as formulas with cached values, in the
hierarchy program → kegiatan → sub-kegiatan. Written by Python's xlsxwriter in constant-memory mode.
Usage: python3 bench/make_large_workbook.py OUT.xlsx [ROWS]   (default 200000 rows)
"""
import random
import sys

import xlsxwriter

UNITS = ["Dokumen", "Orang", "Paket", "Unit", "Laporan", "Lembaga", "KK", "Bulan"]
NAMES = ["Penyediaan Gaji dan Tunjangan ASN", "Penyediaan Peralatan dan Perlengkapan Kantor",
         "Fasilitasi Kunjungan Tamu", "Penyediaan Jasa Surat Menyurat", "Rehabilitasi Sosial Dasar Penyandang Disabilitas",
         "Perlindungan Sosial Korban Bencana Alam", "Pemberdayaan Sosial Komunitas Adat Terpencil"]


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    rng = random.Random(2024)
    workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
    sheet = workbook.add_worksheet("E-81")
    bold = workbook.add_format({"bold": True})
    money = workbook.add_format({"num_format": "#,##0.00"})
    percent = workbook.add_format({"num_format": "0.00"})
    header = ["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan", "Target Renstra K", "Target Renstra Rp",
              "Realisasi s.d. 2023 K", "Realisasi s.d. 2023 Rp", "Target 2024 K", "Pagu 2024", "TW I K", "TW I Rp",
              "TW II K", "TW II Rp", "Realisasi 2024 K", "Realisasi 2024 Rp", "Capaian K (%)", "Capaian Rp (%)",
              "Unit PD"]
    for column, text in enumerate(header):
        sheet.write_string(0, column, text, bold)
    for row in range(1, rows):
        program, kegiatan, sub = row // 400 + 1, row // 20 % 20 + 1, row % 20 + 1
        kode = f"1.06.{program:02d}.2.{kegiatan:02d}.{sub:04d}"
        target = rng.randint(1, 600)
        pagu = rng.randint(1_000_000, 9_000_000_000)
        tw1, tw2 = rng.randint(0, target // 2), rng.randint(0, target // 2)
        rp1, rp2 = rng.randint(0, pagu // 3), rng.randint(0, pagu // 3)
        excel_row = row + 1
        sheet.write_number(row, 0, row)
        sheet.write_string(row, 1, kode)
        sheet.write_string(row, 2, NAMES[row % len(NAMES)])
        sheet.write_string(row, 3, "- Jumlah " + NAMES[(row * 7) % len(NAMES)] + " yang Disediakan")
        sheet.write_string(row, 4, UNITS[row % len(UNITS)])
        sheet.write_number(row, 5, target * 5)
        sheet.write_number(row, 6, pagu * 5, money)
        sheet.write_number(row, 7, target * 3)
        sheet.write_number(row, 8, pagu * 3, money)
        sheet.write_number(row, 9, target)
        sheet.write_number(row, 10, pagu, money)
        sheet.write_number(row, 11, tw1)
        sheet.write_number(row, 12, rp1, money)
        sheet.write_number(row, 13, tw2)
        sheet.write_number(row, 14, rp2, money)
        sheet.write_formula(row, 15, f"=L{excel_row}+N{excel_row}", None, tw1 + tw2)
        sheet.write_formula(row, 16, f"=M{excel_row}+O{excel_row}", money, rp1 + rp2)
        sheet.write_formula(row, 17, f"=P{excel_row}/J{excel_row}*100", percent, (tw1 + tw2) / target * 100)
        sheet.write_formula(row, 18, f"=Q{excel_row}/K{excel_row}*100", percent, (rp1 + rp2) / pagu * 100)
        sheet.write_string(row, 19, "Dinas Sosial")
    workbook.close()


if __name__ == "__main__":
    main()
