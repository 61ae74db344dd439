import CermatWorkbook
import Testing

@Suite struct ExcelDateTests {
    @Test(arguments: [
        (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (61.0, false, "1900-03-01"),
        (45473.0, false, "2024-06-30"), (45473.5, false, "2024-06-30T12:00:00"),
        (0.0, true, "1904-01-01"), (44011.0, true, "2024-06-30"),
    ])
    func convertsSerials(serial: Double, date1904: Bool, iso: String) {
        #expect(ExcelDate.iso8601(serial: serial, date1904: date1904) == iso)
    }

    @Test func serialsRoundTripInBothSystems() {
        for date1904 in [false, true] {
            for serial in stride(from: 100.0, to: 60_000, by: 997) {
                let date = ExcelDate.components(serial: serial, date1904: date1904)!
                #expect(ExcelDate.serial(year: date.year, month: date.month, day: date.day, date1904: date1904) == serial)
            }
        }
    }

    @Test func theTwoSystemsDifferBy1462Days() {
        let in1900 = ExcelDate.serial(year: 2024, month: 6, day: 30, date1904: false)
        let in1904 = ExcelDate.serial(year: 2024, month: 6, day: 30, date1904: true)
        #expect(in1900 - in1904 == 1462)
    }
}
