// The agents' web page in a real browser: headless Chromium loads `GET /` from the built
// `replylint serve` and the page's own script searches, renders and counts through the API.

import Foundation
import Testing

@Suite("Web page in a browser", .serialized)
struct PageTests {
    static let page = "/?reply=waste/missed-collection-public&channel=x-reply&customer.first_name=Ana"

    @Test(
        "a deep link fills the values, shows the rendered text and its length, and names what is still needed",
        .enabled(if: HeadlessBrowser.path != nil, "no chromium, chromium-browser or google-chrome on PATH"),
        .timeLimit(.minutes(3)))
    func deepLinkRendersAndCounts() async throws {
        let server = try ServeProcess()
        defer { server.kill() }
        let address = try await server.address(within: .seconds(30))

        // Expectations read values taken out of the DOM, so a failure prints them, not the whole page.
        let complete = try HeadlessBrowser.dumpDOM(address + Self.page + "&agent.full_name=Jordan%20Reyes")
        let text = HTMLText.element("text", in: complete) ?? "(no #text element)"
        #expect(text.contains("Hi Ana, sorry we missed your bin"), "rendered text: \(text)")
        #expect(!text.contains("{{"))
        let counter = HTMLText.element("counter", in: complete) ?? "(no #counter element)"
        #expect(counter.contains("/ 280"), "counter: \(counter)")
        #expect(counter.range(of: #"^\d+ / 280 weighted"#, options: .regularExpression) != nil, "counter: \(counter)")
        let neededAfterRender = HTMLText.isHidden("still-needed", in: complete)
        #expect(neededAfterRender, "a 'still needed' line although every value was given")
        let copyDisabledAfterRender = HTMLText.attribute("disabled", of: "copy", in: complete) != nil
        #expect(!copyDisabledAfterRender, "Copy stays disabled after a render")

        let missing = try HeadlessBrowser.dumpDOM(address + Self.page)
        let neededHidden = HTMLText.isHidden("still-needed", in: missing)
        let needed = HTMLText.element("still-needed", in: missing) ?? "(no #still-needed element)"
        #expect(!neededHidden, "the 'still needed' line is hidden: \(needed)")
        #expect(needed.lowercased().hasPrefix("still needed"), "still needed: \(needed)")
        #expect(needed.contains("agent.full_name"), "still needed: \(needed)")
        #expect(!needed.contains("customer.first_name"), "customer.first_name came in the link: \(needed)")
        let textWithoutValue = HTMLText.element("text", in: missing) ?? ""
        #expect(!textWithoutValue.contains("Hi Ana"), "text shown although a value is missing: \(textWithoutValue)")
        let copyDisabled = HTMLText.attribute("disabled", of: "copy", in: missing) != nil
        #expect(copyDisabled, "Copy enabled with nothing rendered")

        #expect(try await server.stop(within: .seconds(20)) == 0, "serve's standard error:\n\(server.standardError)")
    }

    @Test(
        "a public reply whose filled text asks for an account number cannot be copied without an override",
        .enabled(if: HeadlessBrowser.path != nil, "no chromium, chromium-browser or google-chrome on PATH"),
        .timeLimit(.minutes(3)))
    func errorBlocksCopy() async throws {
        let server = try ServeProcess()
        defer { server.kill() }
        let address = try await server.address(within: .seconds(30))

        // The agent's sign-off invites the customer to post an account number under the public post.
        let dom = try HeadlessBrowser.dumpDOM(address + Self.page + "&agent.full_name=Jordan.%20Reply%20here%20with%20your%20account%20number")
        let text = HTMLText.element("text", in: dom) ?? "(no #text element)"
        #expect(text.contains("Reply here with your account number"), "rendered text: \(text)")
        let findings = HTMLText.element("findings", in: dom) ?? "(no #findings element)"
        #expect(findings.contains("personal-data-public"), "findings: \(findings)")
        let copyDisabled = HTMLText.attribute("disabled", of: "copy", in: dom) != nil
        #expect(copyDisabled, "Copy is enabled for a text with an error")
        let blockedHidden = HTMLText.isHidden("blocked", in: dom)
        #expect(!blockedHidden, "no line says why Copy is blocked")
        let reason = HTMLText.element("blocked-reason", in: dom) ?? "(no #blocked-reason element)"
        #expect(reason.hasPrefix("Copy is blocked."), "reason: \(reason)")
        #expect(reason.contains("account number"), "reason: \(reason)")
        let anyway = HTMLText.element("copy-anyway", in: dom) ?? "(no #copy-anyway element)"
        #expect(anyway.hasPrefix("Copy anyway"), "override button: \(anyway)")
        let meter = HTMLText.attribute("class", of: "meter", in: dom) ?? ""
        #expect(meter.split(separator: " ").contains("blocked"), "the bar is not red: class=\"\(meter)\"")
        // The override is asked for, never taken: the confirmation stays closed until the agent opens it.
        let confirmationHidden = HTMLText.isHidden("override", in: dom)
        #expect(confirmationHidden)

        #expect(try await server.stop(within: .seconds(20)) == 0, "serve's standard error:\n\(server.standardError)")
    }

    @Test(
        "the list marks a saved reply with lint errors",
        .enabled(if: HeadlessBrowser.path != nil, "no chromium, chromium-browser or google-chrome on PATH"),
        .timeLimit(.minutes(3)))
    func listMarksRepliesWithErrors() async throws {
        let server = try ServeProcess(files: ServerFixtures.replyWithAnError)
        defer { server.kill() }
        let address = try await server.address(within: .seconds(30))

        let dom = try HeadlessBrowser.dumpDOM(address + "/?q=bill")
        let items = dom.matches(of: /<li id="opt-\d+"[^>]*>(.*?)<\/li>/).map { String($0.output.1) }
        let marked = items.filter { $0.contains("r-err") }
        #expect(marked.count == 1, "items marked: \(marked)")
        #expect(marked.first?.contains("accounts/ask-in-public") == true, "items marked: \(marked)")
        #expect(marked.first?.contains("1 error in the saved reply") == true, "items marked: \(marked)")
        #expect(items.contains { $0.contains("accounts/pay-bill") }, "the clean reply is listed too: \(items)")

        #expect(try await server.stop(within: .seconds(20)) == 0, "serve's standard error:\n\(server.standardError)")
    }
}

/// `replylint serve --port 0` on a copy of the sample library, its standard error in a file
/// (a pipe nobody drains would stall it once the request log fills the pipe).
final class ServeProcess {
    let process = Process()
    let folder: URL
    private let errorFile: URL

    init(files: [String: String] = [:], arguments: [String] = []) throws {
        folder = try ServerFixtures.copyOfSampleLibrary()
        try ServerFixtures.add(files, to: folder)
        errorFile = folder.appendingPathComponent("serve-stderr.txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = ServerFixtures.executable
        process.arguments = ["serve", "--port", "0", "--log-format", "text"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["REPLYLINT_TOKEN"] = nil
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
    }

    var standardError: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// The `http://127.0.0.1:PORT` serve prints once it listens.
    func address(within limit: Duration) async throws -> String {
        let deadline = ContinuousClock.now + limit
        // Looked at once more after the deadline: on two busy cores the test's task can sleep through the
        // whole limit (the other tests' blocking waits hold the cooperative threads) while serve has long
        // printed its address.
        while true {
            if let match = standardError.firstMatch(of: /serving .* on (http:\/\/[0-9.]+:[0-9]+)/) { return String(match.1) }
            try #require(process.isRunning, "replylint serve exited early:\n\(standardError)")
            if ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(Bool(false), "replylint serve printed no address within \(limit):\n\(standardError)")
        return ""
    }

    /// SIGTERM, then the exit status once the server has finished what it was doing.
    func stop(within limit: Duration) async throws -> Int32 {
        process.terminate()
        let deadline = ContinuousClock.now + limit
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        try #require(!process.isRunning, "replylint serve still running \(limit) after SIGTERM")
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning { process.interrupt() }
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Headless Chromium printing a page's DOM after its scripts ran.
enum HeadlessBrowser {
    static let path: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in folders {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// The DOM of `url` once the page's fetches and timers had `budget` of virtual time. Virtual time
    /// waits for network requests, so the page's debounce and the render request both finish.
    /// Each run gets a fresh profile: the page keeps the agent's own values in localStorage.
    static func dumpDOM(_ url: String, budget: Duration = .seconds(5), limit: Duration = .seconds(60)) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--virtual-time-budget=\(budget.components.seconds * 1000)",
            "--dump-dom", url,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A browser that hangs is killed, so the read below ends.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(Int(limit.components.seconds)), execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let dom = String(decoding: data, as: UTF8.self)
        try #require(dom.contains("</html>"), "chromium printed no DOM for \(url) (status \(process.terminationStatus))")
        return dom
    }
}

/// Just enough HTML reading for the page's own, well-formed markup: an element by id, as text.
enum HTMLText {
    /// The start tag holding `id="…"`, and the index after it.
    static func startTag(_ id: String, in html: String) -> (tag: Substring, name: String, end: String.Index)? {
        guard let idRange = html.range(of: "id=\"\(id)\""),
              let open = html[..<idRange.lowerBound].lastIndex(of: "<"),
              let close = html[idRange.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = html[open...close]
        let name = String(tag.dropFirst().prefix { $0.isLetter || $0.isNumber })
        return (tag, name, html.index(after: close))
    }

    /// The text inside the element with `id` (tags removed, entities decoded, spaces collapsed).
    static func element(_ id: String, in html: String) -> String? {
        guard let start = startTag(id, in: html),
              let end = html[start.end...].range(of: "</\(start.name)>") else { return nil }
        let inner = html[start.end..<end.lowerBound]
            .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
        return inner.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func attribute(_ name: String, of id: String, in html: String) -> String? {
        guard let tag = startTag(id, in: html)?.tag,
              let match = tag.firstMatch(of: try! Regex(#"\s\#(name)(="([^"]*)")?[\s>/]"#)) else { return nil }
        return (match.output[2].substring).map(String.init) ?? ""
    }

    static func isHidden(_ id: String, in html: String) -> Bool { attribute("hidden", of: id, in: html) != nil }
}
