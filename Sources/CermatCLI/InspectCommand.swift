import ArgumentParser
import CermatKnowledge
import CermatReader
import CermatRecognition
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

    @Flag(help: "Print every recognised table: range, form, the document it belongs to and why, column roles, derived columns, row hierarchy; and for a sheet with data but no table, why.")
    var tables = false

    @Flag(help: "With --tables, print every row of each table with its level, kode and name.")
    var rows = false

    @Option(help: ArgumentHelp("The rules folder (table forms, vocabulary); default: $CERMAT_RULES, else the one installed with cermat.",
                               valueName: "DIR"))
    var rules: String?

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
        if tables {
            let knowledge = try Knowledge.load(rules)
            let configuration = try Knowledge.configuration(nil)
            let document = DocumentClassifier(knowledge: knowledge, settings: configuration.documents)
                .classify(TableRecognizer(knowledge: knowledge).recognise(workbook))
            output += TableListing(document: document, knowledge: knowledge).render()
            if rows {
                for (number, table) in document.tables.enumerated() {
                    output += "\nrows of table \(number + 1) ('\(table.sheet)'):\n" + TableListing.hierarchy(table)
                }
            }
        }
        if timings { output += TimingReport(statistics: statistics).render() }
        print(output, terminator: "")
        Terminal.exit(0)
    }
}
