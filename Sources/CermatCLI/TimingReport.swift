import CermatReporting
import CermatReader

/// The `inspect --timings` report: inflate and parse time per part, and the sheet-XML parse rate.
struct TimingReport {
    let statistics: ReadStatistics

    /// The report as text.
    func render() -> String {
        var rows: [[String]] = [["PART", "BYTES", "INFLATE ms", "PARSE ms", "PARSE MB/s"]]
        for part in statistics.parts {
            rows.append([part.name + (part.overlapped ? " *" : ""), String(part.bytes), milliseconds(part.inflateSeconds),
                         milliseconds(part.parseSeconds), rate(part.bytes, part.parseSeconds)])
        }
        let note = statistics.parts.contains(where: \.overlapped)
            ? "* parsed while inflated: PARSE is the wall time of both, INFLATE the part of it spent inflating\n" : ""
        let sheets = statistics.parts.filter { $0.name.contains("worksheets/") }
        let sheetBytes = sheets.reduce(0) { $0 + $1.bytes }
        let sheetParse = sheets.reduce(0) { $0 + $1.parseSeconds }
        return "\ntimings:\n" + TextTable.render(rows)
            + "total \(milliseconds(statistics.totalSeconds)) ms; sheet XML \(sheetBytes) bytes parsed at \(rate(sheetBytes, sheetParse)) MB/s\n" + note
    }

    private func milliseconds(_ seconds: Double) -> String {
        String(Int((seconds * 1000).rounded()))
    }

    private func rate(_ bytes: Int, _ seconds: Double) -> String {
        guard seconds > 0 else { return "-" }
        return String(Int((Double(bytes) / 1_000_000 / seconds).rounded()))
    }
}
