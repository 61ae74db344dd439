import CermatWorkbook
import Testing

@Suite struct NumberFormatTests {
    @Test(arguments: [
        ("0.00%", true, false, 2), ("0%", true, false, 0), ("#,##0.00", false, false, 2), ("#,##0", false, false, 0),
        ("yyyy-mm-dd", false, true, 0), ("d-mmm-yy", false, true, 0), ("[h]:mm:ss", false, true, 0),
        ("\"Rp\" #,##0.00", false, false, 2), ("0.00\" %\"", false, false, 2), ("[Red]#,##0;(#,##0)", false, false, 0),
        ("_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)", false, false, 2), ("[$-421]dd mmmm yyyy", false, true, 0),
    ])
    func classifiesCodes(code: String, percent: Bool, date: Bool, decimals: Int) {
        let format = NumberFormat(id: 164, code: code)
        #expect(format.isPercent == percent, "percent: \(code)")
        #expect(format.isDate == date, "date: \(code)")
        #expect(format.decimalPlaces == decimals, "decimals: \(code)")
    }

    @Test(arguments: [
        ("#,##0", true), ("#,##0.00", true), ("_(* #,##0.00_);_(* \\(#,##0.00\\)", true), ("0,0", true),
        ("0.00", false), ("General", false), ("\"1,000\" 0", false), ("0;#,##0", false),
    ])
    func knowsWhetherThousandsAreGrouped(code: String, grouped: Bool) {
        #expect(NumberFormat(id: 164, code: code).groupsThousands == grouped, "\(code)")
    }

    @Test func generalHasNoFixedDecimals() {
        #expect(NumberFormat.general.decimalPlaces == nil)
        #expect(!NumberFormat.general.isDate)
    }

    @Test func builtInFormatsAreTheStandardOnes() {
        #expect(NumberFormat.builtIn(10)?.code == "0.00%")
        #expect(NumberFormat.builtIn(10)?.isPercent == true)
        #expect(NumberFormat.builtIn(14)?.isDate == true)
        #expect(NumberFormat.builtIn(4)?.decimalPlaces == 2)
        #expect(NumberFormat.builtIn(164) == nil)
    }
}
