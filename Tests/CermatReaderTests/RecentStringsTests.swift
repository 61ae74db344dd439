@testable import CermatReader
import Testing

@Suite struct RecentStringsTests {
    private static func string(_ cache: inout RecentStrings, _ raw: String, made: String? = nil) -> String {
        var bytes = Array(raw.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            // `make` stands for decoding: it gives `made` when the raw bytes would decode to something else.
            (try? cache.string(UnsafeBufferPointer(buffer)) { () throws(ReaderError) in made ?? raw }) ?? "failed"
        }
    }

    @Test func aRepeatedTextIsOneStringAndADifferentOneIsItself() {
        var cache = RecentStrings()
        var first: [String] = []
        var shared = 0
        // A thousand texts in 4 096 slots: a few share one, and each must still read as itself.
        for round in 0..<2 {
            for number in 0..<1000 {
                var got = Self.string(&cache, "Jumlah Penyediaan Gaji ASN nomor \(number)")
                #expect(got == "Jumlah Penyediaan Gaji ASN nomor \(number)")
                if round == 0 {
                    first.append(got)
                } else if got.withUTF8({ mine in first[number].withUTF8 { $0.baseAddress == mine.baseAddress } }) {
                    shared += 1
                }
            }
        }
        // The second time round, a text still in its slot is the very string made the first time.
        #expect(shared > 800, "\(shared) of 1000 texts found again")
    }

    @Test func aTextThatDecodesToOtherBytesIsNeverTakenForItsRawForm() {
        var cache = RecentStrings()
        let raw = "Persentase_x000D_ capaian indikator"
        #expect(Self.string(&cache, raw, made: "Persentase\r capaian indikator") == "Persentase\r capaian indikator")
        // The same raw bytes again: the remembered string holds other bytes, so it is made again, the same way.
        #expect(Self.string(&cache, raw, made: "Persentase\r capaian indikator") == "Persentase\r capaian indikator")
        #expect(Self.string(&cache, "Persentase\r capaian indikator") == "Persentase\r capaian indikator")
    }

    @Test func shortAndMissingTextsAreMadeEveryTime() {
        var cache = RecentStrings()
        var made = 0
        for _ in 0..<3 {
            _ = try? cache.string(nil) { () throws(ReaderError) in made += 1; return "decoded" }
            var bytes = Array("Unit".utf8)
            _ = bytes.withUnsafeMutableBufferPointer { buffer in
                try? cache.string(UnsafeBufferPointer(buffer)) { () throws(ReaderError) in made += 1; return "Unit" }
            }
        }
        #expect(made == 6)
    }
}
