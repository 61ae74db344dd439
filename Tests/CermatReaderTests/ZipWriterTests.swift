@testable import CermatReader
import Foundation
import Testing

/// The ZIP writer: what it writes, libzip reads back entry for entry, byte for byte.
@Suite struct ZipWriterTests {
    @Test func entriesComeBackAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cermat-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("copies.zip").path
        let entries: [(name: String, bytes: [UInt8])] = [
            ("renja.cermat.xlsx", Array((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })),
            ("kosong.cermat.xlsx", []),
            ("Dinas Sosial – é.cermat.xlsx", Array("isi".utf8)),
        ]
        try ZipWriter.write(entries, to: path)
        let archive = try ZipArchive(path: path, limits: ReadLimits())
        #expect(archive.entries.count == 3)
        for entry in entries {
            #expect(try archive.read(entry.name).withBytes { Array($0) } == entry.bytes, "\(entry.name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["copies.zip"])
    }

    @Test func aFolderThatDoesNotExistIsAnError() {
        #expect(throws: ZipWriteError.self) { try ZipWriter.write([("a", [1])], to: "/nonexistent-folder/x.zip") }
    }
}
