import HTTPTypes
import Hummingbird

/// The page for planners, built into the binary (SwiftPM `embedInCode` resources): plain HTML, CSS and JavaScript,
/// no build step, nothing fetched from elsewhere, so it works offline.
enum PageAssets {
    /// The paths the page is served at.
    static let paths = ["/", "/index.html", "/app.css", "/app.js"]

    /// `/`, `/app.css`, `/app.js`; `nil` for any other path.
    static func response(for path: String) -> Response? {
        let asset: (bytes: [UInt8], type: String)
        switch path {
        case "/", "/index.html": asset = (PackageResources.index_html, "text/html; charset=utf-8")
        case "/app.css": asset = (PackageResources.app_css, "text/css; charset=utf-8")
        case "/app.js": asset = (PackageResources.app_js, "text/javascript; charset=utf-8")
        default: return nil
        }
        return Response(status: .ok, headers: [
            .contentType: asset.type,
            // Only the page's own files and calls to its own API; no inline script, no framing by another site.
            .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
            .xContentTypeOptions: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
            .cacheControl: "no-cache",
        ], body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
