@testable import CermatReader
import Testing

@Suite struct FormulaTranslatorTests {
    @Test(arguments: [
        ("A2*B2", 3, 0, "A5*B5"),
        ("A2*B2", 0, 2, "C2*D2"),
        ("$A2*B$1", 2, 1, "$A4*C$1"),
        ("$A$1+A1", 5, 5, "$A$1+F6"),
        ("SUM(A1:A10)/COUNT(A:A)", 1, 1, "SUM(B2:B11)/COUNT(B:B)"),
        ("SUM(1:1)", 2, 0, "SUM(3:3)"),
        ("LOG10(A1)+ATAN2(B1,C1)", 1, 0, "LOG10(A2)+ATAN2(B2,C2)"),
        ("Sheet1!A1+'My Sheet'!B2", 1, 0, "Sheet1!A2+'My Sheet'!B3"),
        ("IF(A1=\"A1\",\"B2\",C3)", 1, 0, "IF(A2=\"A1\",\"B2\",C4)"),
        ("Table1[[#This Row],[A1]]+D4", 1, 0, "Table1[[#This Row],[A1]]+D5"),
        ("(12/7)*100", 3, 3, "(12/7)*100"),
        ("A1-1.5E+3", 1, 0, "A2-1.5E+3"),
        ("_xlfn.CONCAT(A1,B1)", 1, 0, "_xlfn.CONCAT(A2,B2)"),
        ("A1", -1, 0, "#REF!"),
        ("XFD1", 0, 1, "#REF!"),
    ])
    func shiftsRelativeReferences(formula: String, rows: Int, columns: Int, expected: String) {
        #expect(FormulaTranslator.translate(formula, rows: rows, columns: columns) == expected)
    }
}
