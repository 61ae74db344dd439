/// Conversions between spreadsheet date serials and calendar dates, in both date systems.
public enum ExcelDate {
    /// A calendar date and time of day.
    public struct Components: Hashable, Sendable {
        /// Year.
        public var year: Int
        /// Month 1–12.
        public var month: Int
        /// Day 1–31.
        public var day: Int
        /// Seconds since midnight, rounded to the millisecond.
        public var secondsOfDay: Double
    }

    /// The date of a serial number, or `nil` for a negative serial.
    public static func components(serial: Double, date1904: Bool) -> Components? {
        guard serial >= 0, serial.isFinite, serial < 3_000_000 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = ((serial - Double(days)) * 86_400 * 1000).rounded() / 1000
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        var julian: Int
        if date1904 {
            julian = days + 2_416_481 // 1904-01-01
        } else {
            // Serial 60 is the non-existent 1900-02-29 of Lotus 1-2-3: serials 1…60 count from 1899-12-31.
            julian = days + (days >= 1 && days < 61 ? 2_415_020 : 2_415_019)
        }
        // Fliegel–Van Flandern Julian day to Gregorian date.
        var l = julian + 68_569
        let n = 4 * l / 146_097
        l -= (146_097 * n + 3) / 4
        let i = 4000 * (l + 1) / 1_461_001
        l = l - 1461 * i / 4 + 31
        let j = 80 * l / 2447
        let day = l - 2447 * j / 80
        l = j / 11
        let month = j + 2 - 12 * l
        let year = 100 * (n - 49) + i + l
        return Components(year: year, month: month, day: day, secondsOfDay: seconds)
    }

    /// The serial number of a date in the given date system.
    public static func serial(year: Int, month: Int, day: Int, secondsOfDay: Double = 0, date1904: Bool) -> Double {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        let julian = day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32_045
        var days: Int
        if date1904 {
            days = julian - 2_416_481
        } else {
            days = julian - 2_415_019
            if days >= 2 && days < 61 { days -= 1 }
        }
        return Double(days) + secondsOfDay / 86_400
    }

    /// ISO 8601 text of a serial: `2024-06-30` for whole days, `2024-06-30T08:15:00` otherwise.
    public static func iso8601(serial: Double, date1904: Bool) -> String? {
        guard let date = components(serial: serial, date1904: date1904) else { return nil }
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let day = "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
        guard date.secondsOfDay > 0 else { return day }
        let whole = Int(date.secondsOfDay.rounded())
        return day + "T\(pad(whole / 3600, 2)):\(pad(whole / 60 % 60, 2)):\(pad(whole % 60, 2))"
    }
}
