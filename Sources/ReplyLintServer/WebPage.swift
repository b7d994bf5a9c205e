// The page `replylint serve` answers at `GET /`: agents search saved replies, fill placeholders,
// watch the rendered text against the channel's limit, and copy it. The document, its style sheet
// and its script are files in Resources/ (index.html, app.css, app.js) that SwiftPM embeds in the
// binary; this file only serves them. Nothing is inline, so the Content-Security-Policy can refuse
// any script or style that was injected.

import Foundation
import HTTPTypes
import Hummingbird

struct PageController {
    /// Only the page's own script and style sheet run; nothing may frame it.
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// One embedded file with its type and a validator, so a browser asks again each time (an upgraded
    /// server must never run an old script) but downloads only what changed.
    struct Asset: Sendable {
        let type: String
        let bytes: ByteBuffer
        let etag: String

        init(_ bytes: [UInt8], type: String) {
            self.type = type
            self.bytes = ByteBuffer(bytes: bytes)
            // FNV-1a: stable across runs and platforms, unlike Hasher; a validator, not a secret.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            etag = "\"\(String(hash, radix: 16))\""
        }

        func response(to request: Request) -> Response {
            var headers: HTTPFields = [
                .contentType: type,
                .contentSecurityPolicy: PageController.policy,
                .xContentTypeOptions: "nosniff",
                .cacheControl: "no-cache",
                .eTag: etag,
            ]
            if let wanted = request.headers[.ifNoneMatch],
               wanted.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) {
                headers[.contentType] = nil
                return Response(status: .notModified, headers: headers)
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
        }
    }

    static let page = Asset(PackageResources.index_html, type: "text/html; charset=utf-8")
    static let style = Asset(PackageResources.app_css, type: "text/css; charset=utf-8")
    static let script = Asset(PackageResources.app_js, type: "text/javascript; charset=utf-8")

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in Self.page.response(to: request) }
        router.get("app.css") { request, _ in Self.style.response(to: request) }
        router.get("app.js") { request, _ in Self.script.response(to: request) }
    }
}
