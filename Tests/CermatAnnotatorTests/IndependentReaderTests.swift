import CermatAnnotator
import CermatKnowledge
import CermatReader
import CermatRules
import CermatTestSupport
import Foundation
import Testing

/// The annotated copies as other programs see them: openpyxl reads them cell for cell like the originals
/// (`fixtures/tools/check_annotated.py`), and LibreOffice opens and prints them. Each check runs where the program is
/// installed (`bash scripts/setup.sh` installs openpyxl; LibreOffice is optional).
@Suite(.serialized) struct IndependentReaderTests {
    static let fixtures = Fixtures.files(in: "planning", suffix: ".xlsx")

    static func available(_ command: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sh", "-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static let hasOpenpyxl = available("python3 -c 'import openpyxl'")
    static let hasLibreOffice = available("command -v soffice")

    /// Annotates a fixture into a fresh folder; the caller removes the folder.
    static func annotated(_ path: String) throws -> URL {
        let knowledge = try KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)
        let workbook = try XLSXReader().read(path: path)
        let findings = try Linter(knowledge: knowledge).lint(workbook).findings
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cermat-independent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + ".cermat.xlsx")
        try Annotator().write(workbook, findings: findings, to: output.path)
        return output
    }

    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test(.enabled(if: hasOpenpyxl), arguments: fixtures)
    func openpyxlReadsTheCopyLikeTheOriginal(path: String) throws {
        let copy = try Self.annotated(path)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let script = Fixtures.root.appendingPathComponent("fixtures/tools/check_annotated.py").path
        let result = try Self.run(["python3", script, path, copy.path], in: copy.deletingLastPathComponent())
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.enabled(if: hasLibreOffice), arguments: [fixtures.first { $0.hasSuffix("renja-perubahan-2024-blitar.xlsx") }!,
                                                    fixtures.first { $0.hasSuffix("lkjip-2023-mojokerto.xlsx") }!])
    func libreOfficeOpensAndPrintsTheCopy(path: String) throws {
        let copy = try Self.annotated(path)
        let folder = copy.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A profile of its own, so that a LibreOffice already running for the user is neither used nor disturbed.
        let profile = "-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path
        let result = try Self.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", folder.path, copy.path],
                                  in: folder)
        let pdf = folder.appendingPathComponent(copy.deletingPathExtension().lastPathComponent + ".pdf")
        #expect(result.status == 0, "\(result.output)")
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "LibreOffice produced no PDF: \(result.output)")
    }
}
