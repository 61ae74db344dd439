import CermatPlanning
import CermatWorkbook
import Testing

/// Every number convention of DOMAIN §3, with the seed line it comes from.
@Suite struct ValueParserTests {
    private func value(_ text: String) -> PlanningValue { ValueParser.parse(text).value }

    @Test(arguments: [
        ("13.401.076.519,00", 13_401_076_519.0, 2),  // 000:141 thousands "." and decimal ","
        ("6.675.575.000,00", 6_675_575_000.0, 2),    // 000:271
        ("13.890.985.682", 13_890_985_682.0, 0),     // 000:727 integer without decimals
        ("15.000.000", 15_000_000.0, 0),             // 000:563
        ("Rp 13.401.076.519,00", 13_401_076_519.0, 2), // 000:141 Rupiah prefix
        ("Rp. 24.434.942.859,00", 24_434_942_859.0, 2), // 001:65
        ("Rp. 44.596.627.447,-", 44_596_627_447.0, 0),  // 002:179 trailing ",-"
        ("17.823.573.700,-", 17_823_573_700.0, 0),   // 001:68
        ("(489.909.163)", -489_909_163.0, 0),        // 000:727 negative in parentheses
        ("(35.000.000)", -35_000_000.0, 0),          // 002:374
        ("-9,47", -9.47, 2),                         // 001:68 minus sign
        ("1.486,64", 1486.64, 2),                    // 000:349 percent value with thousands separator
        ("562076", 562_076.0, 0),                    // 000:348 count without separators
        ("562.076", 562_076.0, 0),                   // 000:843 the same count with one
        ("0,50", 0.5, 2),                            // 000:304 decimal K on a count
        ("49,11", 49.11, 2),                         // 000:271 percent without %
        ("2024", 2024.0, 0),
    ])
    func readsIndonesianNumbers(text: String, number: Double, decimals: Int) {
        let parsed = ValueParser.parse(text)
        #expect(parsed.value == .number(number), "\(text)")
        #expect(parsed.decimals == decimals, "\(text)")
    }

    @Test(arguments: [("98,15%", 98.15), ("-831,00%", -831.0), ("-7,31%", -7.31), ("52%", 52.0), ("36,7 %", 36.7),
                      ("80,83%", 80.83), ("100%", 100.0)])
    func readsPercentages(text: String, percent: Double) {
        #expect(value(text) == .percent(percent), "\(text)")
    }

    @Test(arguments: [("- 100", 100.0), ("- 124,00", 124.0), ("- 562076", 562_076.0), ("- 3,00", 3.0), ("• 12", 12.0)])
    func aBulletIsNotAMinusSign(text: String, number: Double) {
        let parsed = ValueParser.parse(text)
        #expect(parsed.value == .number(number), "\(text)")
        #expect(parsed.bullet)
    }

    @Test(arguments: ["-", "–", "—", "  -  "])
    func aLoneDashMeansNothing(text: String) {
        #expect(value(text) == .dash)
    }

    @Test(arguments: [
        ("10 Dokumen", 10.0, "Dokumen"), ("79 Orang/Bulan", 79.0, "Orang/Bulan"), ("300 OH", 300.0, "OH"),
        ("1500 KK", 1500.0, "KK"), ("1 Desa / Kelurahan", 1.0, "Desa / Kelurahan"), ("3084 org", 3084.0, "org"),
        ("175000 Orang", 175_000.0, "Orang"), ("324.480 Keluarga", 324_480.0, "Keluarga"), ("60 Larpoan", 60.0, "Larpoan"),
    ])
    func splitsANumberFromItsUnit(text: String, number: Double, unit: String) {
        #expect(value(text) == .measured(number, unit: unit), "\(text)")
    }

    @Test func readsListsInOneCell() {
        #expect(value("50 Orang, 18 Orang, 68 Lembaga")
                == .list([.measured(50, unit: "Orang"), .measured(18, unit: "Orang"), .measured(68, unit: "Lembaga")]))
        #expect(value("60, 18, 90, 30") == .list([.number(60), .number(18), .number(90), .number(30)]))
        #expect(value("4 kruk; 4 kursi roda; 16 alat bantu dengar")
                == .list([.measured(4, unit: "kruk"), .measured(4, unit: "kursi roda"), .measured(16, unit: "alat bantu dengar")]))
        #expect(value("181 Orang 50 Orang 23 Orang")
                == .list([.measured(181, unit: "Orang"), .measured(50, unit: "Orang"), .measured(23, unit: "Orang")]))
        #expect(value("41 Lembaga (LKS), 19 Pengurus Katar (Kec+Kab), 8 UEP Katar (Desa)").numbers == [41, 19, 8])
    }

    @Test(arguments: ["60, 18, 90, 30", "10 Dokumen", "98,15%", "-", "Tercapai", "4.035.693.583.", "50 Orang, Tercapai"])
    func countsItsNumbersWithoutListingThem(text: String) {
        #expect(value(text).numberCount == value(text).numbers.count, "\(text)")
    }

    @Test func readsCheckMarks() {
        #expect(value("√") == .check)
    }

    @Test(arguments: [
        ("1,234,567", MalformedNumber.englishSeparators), ("420,000,000,-", .englishSeparators),   // 004:1372
        ("12.34", .decimalPoint), ("86.36", .decimalPoint), ("130.84%", .decimalPoint), ("80.50", .decimalPoint), // 004:1673, 004:1946
        ("4.035.693.583.", .trailingSeparator), ("417.238.000.", .trailingSeparator),   // 000:737, 004:1170
        ("2.754.6000", .groupLength), ("860.400.00", .groupLength),                     // 000:772, 004:1822
        ("96.925.000 0", .splitDigits), ("1.243. 197.980", .splitDigits), ("6.389.070.6 92", .splitDigits), // 004:1873, 004:1258, 004:1796
        ("100,0 0", .splitDigits),
    ])
    func keepsAmbiguousOrMalformedNumbersAsText(text: String, reason: MalformedNumber) {
        #expect(value(text) == .malformed(text, reason), "\(text)")
    }

    @Test(arguments: ["Dinas Sosial", "Tahun 2024", "3/6 Jenis", "TERPENUHI", "Persentase PPKS"])
    func keepsWordsAsText(text: String) {
        #expect(value(text) == .text(text))
    }

    @Test func readsNumericCellsWithTheirFormat() {
        let address = CellAddress(row: 0, column: 0)
        let percentStyle = CellStyle(numberFormat: NumberFormat(id: 10, code: "0.00%"))
        let percent = ValueParser.read(Cell(address: address, value: .number(0.9815)), format: percentStyle.numberFormat, at: address)
        #expect(percent.value == .percent(98.15))
        #expect(percent.decimals == 2)
        #expect(percent.isNumericCell)
        let moneyStyle = CellStyle(numberFormat: NumberFormat(id: 164, code: "#,##0.00"))
        let money = ValueParser.read(Cell(address: address, value: .number(6_675_575_000)), format: moneyStyle.numberFormat, at: address)
        #expect(money.value == .number(6_675_575_000))
        #expect(money.decimals == 2)
        let bullet = ValueParser.read(Cell(address: address, value: .number(124)),
                                      format: NumberFormat(id: 165, code: "\"- \"0.00"), at: address)
        #expect(bullet.value == .number(124))
        #expect(bullet.decimals == 2)
        let error = ValueParser.read(Cell(address: address, value: .error("#DIV/0!")), format: .general, at: address)
        #expect(error.value == .error("#DIV/0!"))
        #expect(ValueParser.read(nil, format: .general, at: address).value == .blank)
    }
}

@Suite struct KodeTests {
    @Test(arguments: [("1.06.01", RowLevel.program), ("1.06.01.2.06", .kegiatan), ("1.06.01.2.06.02", .subKegiatan),
                      ("1.06.04.2.01.0007", .subKegiatan), ("01.2.06.0010", .subKegiatan), ("01.06.07", .program)])
    func readsTheLevelFromTheCode(text: String, level: RowLevel) {
        #expect(Kode(text)?.level == level)
    }

    @Test func knowsItsAncestors() {
        #expect(Kode("1.06.01.2.06.02")?.normalizedAncestors == ["1.06.01.2.06", "1.06.01"])
        #expect(Kode("01.06.01.2.06")?.normalizedAncestors == ["1.06.01"])
        #expect(Kode("1.06.01")?.normalizedAncestors == [])
        // Cut from a kode normalised before, as recognition keeps it on the row, without parsing it again.
        #expect(Kode.ancestors(ofNormalized: "1.06.04.2.01.0007") == ["1.06.04.2.01", "1.06.04"])
        #expect(Kode.ancestors(ofNormalized: "1.06.04.2.01") == ["1.06.04"])
        #expect(Kode.ancestors(ofNormalized: "1.06.04.2.01.0007.1") == [])
        #expect(Kode.ancestors(ofNormalized: "1.2.06.0010") == [])
        #expect(Kode("01.06.07")?.normalized == "1.06.07")
        #expect(Kode("  1.06.07 ")?.normalized == "1.06.07")
        #expect(Kode("0.06.07")?.normalized == "0.06.07")
        #expect(Kode("007.2.06.0010")?.normalized == "7.2.06.0010")
        #expect(Kode("Program") == nil)
        #expect(Kode("1..2") == nil)
    }
}

@Suite struct ExpressionTests {
    @Test(arguments: [("(12/7)*100", "#12 / #7 × 100"), ("6+12", "(#6 + #12)"), ("(14/5)*100%", "#14 / #5 × 100"),
                      ("(7/6)", "#7 / #6"), ("(5+7)", "(#5 + #7)"), ("8 - 7", "(#8 - #7)")])
    func parsesColumnNumberFormulas(text: String, shape: String) {
        #expect(ColumnExpression.parse(text)?.description == shape)
    }

    @Test func evaluates() {
        let capaian = ColumnExpression.parse("(12/7)*100")!
        #expect(capaian.evaluate { [12: 6, 7: 12][$0] } == 50)
        #expect(capaian.evaluate { [12: 6, 7: 0][$0] } == nil)
        #expect(capaian.scalesToPercent)
        #expect(ColumnExpression.parse("12/") == nil)
    }
}
