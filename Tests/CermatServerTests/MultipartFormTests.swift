@testable import CermatServer
import Foundation
import Testing

/// The multipart parser and the names uploads get, on the forms browsers and curl send and on broken ones.
@Suite struct MultipartFormTests {
    static func body(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    @Test func boundaryComesFromTheContentType() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartForm.boundary(contentType: "Multipart/Form-Data;BOUNDARY=\"a b;c\"") == "a b;c")
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; charset=utf-8; boundary=----WebKitFormBoundaryx") == "----WebKitFormBoundaryx")
        #expect(MultipartForm.boundary(contentType: "application/json") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }

    @Test func filesAreTakenAndOtherFieldsIgnored() throws {
        let form = try MultipartForm(body: Self.body("""
            preamble
            --XyZ
            Content-Disposition: form-data; name="lang"

            en
            --XyZ
            Content-Disposition: form-data; name="files"; filename="renja;2024.xlsx"
            Content-Type: application/octet-stream

            PK\u{3}\u{4}
            --XyZ
            content-disposition: form-data; name="files"; filename="C:\\\\Users\\\\ana\\\\pk.xlsx"


            --XyZ--
            epilogue
            """), boundary: "XyZ")
        #expect(form.files.map(\.filename) == ["renja;2024.xlsx", "C:\\Users\\ana\\pk.xlsx"])
        #expect(form.files[0].bytes == [0x50, 0x4B, 3, 4])
        #expect(form.files[1].bytes.isEmpty)
        #expect(Upload.uploads(form.files).map(\.name) == ["renja;2024.xlsx", "pk.xlsx"])
    }

    @Test func aBoundaryLikeTextInsideAFileDoesNotCutIt() throws {
        let content = "--XyZ is not a delimiter unless it follows a line break\r\n-- XyZ neither"
        let form = try MultipartForm(body: Self.body("--XyZ\nContent-Disposition: form-data; name=\"f\"; filename=\"a.xlsx\"\n\n")
            + Array(content.utf8) + Self.body("\n--XyZ--\n"), boundary: "XyZ")
        #expect(form.files.first?.bytes == Array(content.utf8))
    }

    @Test(arguments: [
        ("no boundary at all", "no boundary in the body"),
        ("--XyZ\nContent-Disposition: form-data; name=\"f\"; filename=\"a.xlsx\"\n\nPK", "closing boundary is missing"),
        ("--XyZ\nContent-Disposition: form-data; name=\"f\"; filename=\"a.xlsx\"", "headers do not end"),
        ("--XyZjunk\n", "does not end"),
    ])
    func brokenFormsAre400(body: String, message: String) {
        #expect {
            try MultipartForm(body: Self.body(body), boundary: "XyZ")
        } throws: { error in
            guard let error = error as? ServeError else { return false }
            return error.status == .badRequest && error.message.en.contains(message)
        }
    }

    @Test func uploadNamesAreBaseNamesUniqueAndPrintable() {
        let files = ["../../etc/passwd", "renja.xlsx", "RENJA.xlsx", "a/b/renja.xlsx", "\u{1B}[31mred\n.xlsx", "", "..", ".xlsx"]
            .map { MultipartForm.File(filename: $0, bytes: []) }
        #expect(Upload.uploads(files).map(\.name) == [
            "passwd", "renja.xlsx", "RENJA (2).xlsx", "renja (3).xlsx", "[31mred.xlsx", "workbook.xlsx", "workbook (2).xlsx", ".xlsx",
        ])
    }
}
