import ArgumentParser
import CermatReader
import CermatWorkbook

/// `cermat inspect FILE`: how the workbook was read.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how a workbook was read: sheets, used ranges, cell counts by type, merged ranges.",
        discussion: "Exit status 0 when the workbook was read, 2 when it could not be read."
    )

    @Argument(help: "The workbook (.xlsx) to inspect.")
    var file: String

    @Option(name: .customLong("cells"), help: ArgumentHelp(
        "Print the cells of a sheet range with value, type, formula and number format.",
        valueName: "SHEET!RANGE"))
    var cells: String?

    @Flag(help: "Print how long each part took to inflate and parse, and the parse rate of the sheet XML.")
    var timings = false

    func run() throws {
        let workbook: Workbook
        let statistics: ReadStatistics
        do {
            (workbook, statistics) = try XLSXReader().readMeasured(path: file)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
        var output = ""
        if let cells {
            let selection: CellSelection
            do {
                selection = try CellSelection(cells, in: workbook)
            } catch {
                Terminal.error("error: \(error)")
                throw ExitCode(64)
            }
            output = CellListing(workbook: workbook).render(selection)
        } else {
            output = WorkbookSummary(workbook: workbook).render()
        }
        if timings { output += TimingReport(statistics: statistics).render() }
        print(output, terminator: "")
    }
}
