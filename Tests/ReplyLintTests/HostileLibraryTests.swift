// Hostile and careless libraries (issue 14), each built by the test, run through the real `replylint`
// under a time limit and a memory cap: none may hang, crash, print a file from outside the library,
// or pass having checked nothing.

import Foundation
import ReplyLint
import Testing

/// `replylint ARGS` in `folder`, killed after `seconds`, in at most `megabytes` of address space.
private func bounded(_ arguments: [String], in folder: URL, seconds: Int = 30, megabytes: Int = 3_000) throws -> CLIResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // ulimit -v: a run that tried to take gigabytes fails here instead of taking the machine.
    process.arguments = ["-c", "ulimit -v \(megabytes * 1024); exec \"$0\" \"$@\"", CLI.executable.path] + arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // SIGKILL: a process that hangs may not be listening for SIGTERM (and a test process may pass on SIG_IGN).
    let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(seconds), execute: watchdog)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    let result = CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    try #require(process.terminationReason == .exit, "replylint \(arguments.joined(separator: " ")) was killed (signal \(process.terminationStatus)), after \(seconds) s or over \(megabytes) MB:\n\(result.stderr)")
    return result
}

private func reply(_ body: String = "", placeholders: String = "") -> String {
    "---\ntitle: Hostile\nfaq: missed-collection\nchannels: [x-reply]\nlocale: en-US\n\(placeholders)---\nHi {{customer.first_name}}, sorry about that. \(body)— {{agent.full_name}}\n"
}

/// The replies a JSON report counted.
private func replyCount(_ result: CLIResult) -> Int? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
          let summary = object["summary"] as? [String: Any] else { return nil }
    return summary["replies"] as? Int
}

@Suite("Hostile libraries: walks and links", .timeLimit(.minutes(2)))
struct HostileWalkTests {
    @Test("folder links back up the tree: each folder read once, the links reported")
    func symlinkLoops() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        let clean = try replyCount(bounded(["lint", "--format", "json"], in: library.root))
        try FileManager.default.createDirectory(at: library.url("replies/loop"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: library.url("replies/loop/a").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: library.url("replies/loop/b").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: library.url("replies/up").path, withDestinationPath: "..")
        let result = try bounded(["lint", "--format", "json"], in: library.root)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(clean != nil && replyCount(result) == clean, "the library was linted more than once: \(result.stdout.prefix(300))")
        let text = try bounded(["lint"], in: library.root)
        for link in ["replies/loop/a", "replies/loop/b"] {
            #expect(text.stdout.contains("\(link)  warning  this link leads to the folder 'replies', which is read already"), "\(text.stdout)")
        }
        #expect(text.stdout.contains("replies/up  warning  this link leads to the folder '.', which holds the folder being read; following it would read the library again, so remove the link"), "\(text.stdout)")
    }

    @Test("paths outside the library are refused with exit 2 and one line")
    func pathsOutsideTheLibrary() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        for path in [library.root.deletingLastPathComponent().path, "/usr", "../"] {
            let result = try bounded(["lint", path], in: library.root)
            #expect(result.status == 2, "\(path): \(result.stdout)")
            #expect(result.stderr.hasPrefix("replylint: \(path): outside the library ("), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        try library.write("replylint.yml", "paths: {replies: ../elsewhere}\n")
        try FileManager.default.createDirectory(at: library.root.deletingLastPathComponent().appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: library.root.deletingLastPathComponent().appendingPathComponent("elsewhere")) }
        let configured = try bounded(["lint"], in: library.root)
        #expect(configured.status == 2)
        #expect(configured.stderr.contains("paths.replies is outside the library"), "\(configured.stderr)")
        // A usage CSV named outside the library is not read either: /dev/zero would never end.
        try library.write("replylint.yml", "usage: {csv: /dev/zero}\n")
        let usage = try bounded(["lint"], in: library.root, seconds: 20)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("the usage CSV named in replylint.yml is outside the library"), "\(usage.stderr)")
    }

    @Test("a link to a file outside the library is reported and never read: not by lint, render, nor --fix")
    func linksOutOfTheLibrary() throws {
        let library = try ScratchLibrary.sample()
        let outside = try ScratchLibrary()
        defer { library.delete(); outside.delete() }
        let secret = "aws_secret_access_key = HOSTILE-TEST-SECRET XXX"
        try outside.write("credentials", "[default]\n\(secret)\n")
        try outside.write("reply.md", reply("We are on it!! "))
        try FileManager.default.createSymbolicLink(atPath: library.url("replies/creds.md").path, withDestinationPath: outside.url("credentials").path)
        try FileManager.default.createSymbolicLink(atPath: library.url("replies/outside.md").path, withDestinationPath: outside.url("reply.md").path)
        for format in ["text", "json", "html", "sarif"] {
            let result = try bounded(["lint", "--format", format], in: library.root)
            #expect(result.status == 1)
            #expect(!(result.stdout + result.stderr).contains("HOSTILE-TEST-SECRET"), "\(format) printed the target")
            #expect(!(result.stdout + result.stderr).contains("We are on it"), "\(format) printed the target")
        }
        let text = try bounded(["lint"], in: library.root)
        #expect(text.stdout.contains("replies/creds.md:1:1  error  this link points outside the library (to \(outside.url("credentials").resolvingSymlinksInPath().path))"), "\(text.stdout)")
        #expect(text.stdout.contains("file-unreadable"))
        let render = try bounded(["render", "creds", "--channel", "x-reply"], in: library.root)
        #expect(render.status == 2)
        #expect(!(render.stdout + render.stderr).contains("HOSTILE-TEST-SECRET"))
        // Naming the link itself is refused, as naming any path outside the library is.
        let named = try bounded(["lint", "replies/creds.md"], in: library.root)
        #expect(named.status == 2 && named.stderr.contains("outside the library"), "\(named.stderr)")
        // --fix has "!!" to fix in the file behind the link, and must not touch it.
        let fix = try bounded(["lint", "--fix"], in: library.root)
        #expect(fix.status == 1)
        #expect(try outside.read("reply.md") == reply("We are on it!! "))
    }

    @Test("a link inside the library is read through its own path, once")
    func linksInsideTheLibrary() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try FileManager.default.createDirectory(at: library.url("replies/more"), withIntermediateDirectories: true)
        try library.write("extra/sms/late.md", reply().replacingOccurrences(of: "x-reply", with: "sms"))
        try FileManager.default.createSymbolicLink(atPath: library.url("replies/more/sms").path, withDestinationPath: "../../extra/sms")
        try FileManager.default.createSymbolicLink(atPath: library.url("replies/again.md").path, withDestinationPath: "waste/bulky-items.md")
        let result = try bounded(["lint"], in: library.root)
        #expect(!result.stdout.contains("replies/more/sms  ") && !result.stdout.contains("replies/more/sms:"), "a link inside the library was reported: \(result.stdout)")
        #expect(result.stdout.contains("replies/again.md  warning  this link leads to 'replies/waste/bulky-items.md', which is read already"), "\(result.stdout)")
        let render = try bounded(["render", "more/sms/late", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jordan Reyes"], in: library.root)
        #expect(render.status == 0, "\(render.stderr)")
    }

    @Test("dangling links, named pipes and folders that cannot be opened are reported, not skipped")
    func nothingSkippedInSilence() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try FileManager.default.createSymbolicLink(atPath: library.url("replies/gone.md").path, withDestinationPath: "/nonexistent/reply.md")
        try FileManager.default.createSymbolicLink(atPath: library.url("replies/self.md").path, withDestinationPath: "self.md")
        #expect(mkfifo(library.url("replies/pipe.md").path, 0o644) == 0)
        let result = try bounded(["lint"], in: library.root, seconds: 20)
        #expect(result.status == 1)
        #expect(result.stdout.contains("replies/gone.md:1:1  error  this link points to '/nonexistent/reply.md', which does not exist"), "\(result.stdout)")
        #expect(result.stdout.contains("replies/self.md:1:1  error  this link is part of a loop of links"), "\(result.stdout)")
        #expect(result.stdout.contains("replies/pipe.md:1:1  error  this is not a regular file"), "\(result.stdout)")
    }

    @Test("an unreadable folder is reported", .enabled(if: getuid() != 0, "root opens every folder"))
    func unreadableFolder() throws {
        let library = try ScratchLibrary.sample()
        defer {
            chmod(library.url("replies/locked").path, 0o755)
            library.delete()
        }
        try library.write("replies/locked/hidden.md", reply())
        chmod(library.url("replies/locked").path, 0o000)
        let result = try bounded(["lint"], in: library.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("replies/locked:1:1  error  this folder cannot be opened"), "\(result.stdout)")
    }

    @Test("more files than limits.files: the folder is named, the rest not read")
    func fileCountLimit() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replylint.yml", try library.read("replylint.yml") + "limits: {files: 20}\n")
        let result = try bounded(["lint"], in: library.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("replies:1:1  error  more than 20 files and folders here (limits.files)"), "\(result.stdout)")
        #expect(result.stdout.contains("limit-exceeded"))
    }
}

@Suite("Hostile libraries: sizes and expansion", .timeLimit(.minutes(2)))
struct HostileExpansionTests {
    @Test("a 10 GB reply is not read: its size is checked first")
    func hugeFile() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        let path = library.url("replies/huge.md").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 10 << 30) == 0)
        let result = try bounded(["lint"], in: library.root, megabytes: 1_500)
        #expect(result.status == 1)
        #expect(result.stdout.contains("replies/huge.md:1:1  error  this file is 10,737,418,240 bytes, more than limits.file-size (1,048,576 bytes), and was not read"), "\(result.stdout)")
        let config = try ScratchLibrary.sample()
        defer { config.delete() }
        #expect(truncate(config.url("replylint.yml").path, 10 << 30) == 0)
        let configResult = try bounded(["lint"], in: config.root, megabytes: 1_500)
        #expect(configResult.status == 2)
        #expect(configResult.stderr.contains("replylint.yml: the config file is 10,737,418,240 bytes"), "\(configResult.stderr)")
    }

    @Test("placeholder max beyond the limit: no crash, no gigabytes; reported and measured at the limit", arguments: ["9223372036854775807", "1000000000"])
    func hugePlaceholderMax(max: String) throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replies/huge.md", reply(placeholders: "placeholders:\n  customer.first_name: {max: \(max)}\n"))
        let result = try bounded(["lint"], in: library.root, megabytes: 1_500)
        #expect(result.status == 1)
        #expect(result.stdout.contains("replies/huge.md:7:3  error  'customer.first_name.max' is \(Int(max).map(Limits.grouped) ?? max), more than limits.placeholder-max (10,000 characters)"), "\(result.stdout)")
        #expect(result.stdout.contains("weighted characters on x-reply (customer.first_name at 10000, agent.full_name at 40) is over the limit of 280"), "\(result.stdout)")
    }

    @Test("a reply whose own text is past limits.expansion is reported, not checked, and refused by render")
    func replyTextOverTheExpansionLimit() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        // 150,000 characters of tags, each of which would be a placeholder-unknown finding.
        try library.write("replies/long.md", reply(String(repeating: "{{a}} ", count: 25_000)))
        let items = "replies:\n  - id: long-item\n    faq: missed-collection\n    channels: [x-dm]\n    body: \"\(String(repeating: "word ", count: 30_000))\"\n"
        try library.write("replies/long.yml", items)
        let result = try bounded(["lint"], in: library.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("replies/long.md:7:1  error  this reply's text is 150,067 characters, more than limits.expansion (100,000 characters): it is not checked, and render refuses it"), "\(result.stdout.prefix(2000))")
        #expect(result.stdout.contains("replies/long.yml:5:12  error  this reply's text is 150,000 characters, more than limits.expansion"), "\(result.stdout.prefix(2000))")
        #expect(!result.stdout.contains("placeholder-unknown"), "the long reply was checked anyway")
        let render = try bounded(["render", "long", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jordan Reyes"], in: library.root)
        #expect(render.status == 2)
        #expect(render.stderr.contains("more than limits.expansion"), "\(render.stderr)")
    }

    @Test("thousands of findings on one long line are reported in linear time")
    func manyFindingsOnOneLine() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        // 15,000 unknown placeholders on one 90,000-character line: each finding once copied the whole line.
        try library.write("replies/tags.md", reply(String(repeating: "{{a}} ", count: 15_000)))
        let result = try bounded(["lint", "replies/tags.md"], in: library.root, seconds: 20)
        #expect(result.status == 1)
        #expect(result.stdout.components(separatedBy: "placeholder-unknown").count - 1 == 15_000)
        // SARIF and the baseline fingerprint each finding by its line: the line is split once per file.
        let sarif = try bounded(["lint", "replies/tags.md", "--format", "sarif"], in: library.root, seconds: 20)
        #expect(sarif.status == 1)
        #expect(sarif.stdout.components(separatedBy: "\"replylint/v1\"").count - 1 >= 15_000)
        let written = try bounded(["lint", "replies/tags.md", "--write-baseline", "baseline.json"], in: library.root, seconds: 20)
        #expect(written.status == 0, "\(written.stderr)")
        let applied = try bounded(["lint", "replies/tags.md", "--baseline", "baseline.json"], in: library.root, seconds: 20)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        // The HTML report quotes the line too: 30,000 findings on one line took over a minute when each copied it.
        try library.write("replylint.yml", try library.read("replylint.yml") + "limits: {expansion: 1000000}\n")
        try library.write("replies/tags.md", reply(String(repeating: "{{a}} ", count: 30_000)))
        let html = try bounded(["lint", "replies/tags.md", "--format", "html"], in: library.root, seconds: 30)
        #expect(html.status == 1)
        #expect(html.stdout.components(separatedBy: "data-rule=\"placeholder-unknown\"").count - 1 >= 30_000)
    }

    @Test("a .docx policy that unpacks far past limits.file-size is reported, not read")
    func docxBomb() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        // 20 MiB of document.xml in a ZIP of a few tens of kilobytes: the cap is 8 × limits.file-size.
        let padding = String(repeating: " ", count: 20 << 20)
        try Docx.archive(["word/document.xml": Docx.document(Docx.paragraph("Comment policy", style: "Heading1") + padding)])
            .write(to: library.url("policies/bomb.docx"))
        let result = try bounded(["lint", "policies/bomb.docx"], in: library.root, megabytes: 1_000)
        #expect(result.status == 1)
        #expect(result.stdout.contains("policies/bomb.docx:1:1  error  word/document.xml unpacks to more than 8 MB; a policy is far smaller, so this file is not read  limit-exceeded"), "\(result.stdout)")
    }

    @Test("partials that fan out: lint ends and reports it; render refuses")
    func fanOutPartials() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        for index in 0..<18 {
            try library.write("replies/_partials/p\(index).mustache", "x" + (index == 17 ? "" : String(repeating: "{{> p\(index + 1)}}", count: 3)))
        }
        try library.write("replies/fan.md", reply("{{> p0}} "))
        let result = try bounded(["lint"], in: library.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("replies/fan.md:7:47  error  this reply's length cannot be checked and render refuses it: its partials nest more than limits.partial-depth (10 levels) deep (p0 → p1"), "\(result.stdout)")
        let render = try bounded(["render", "fan", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jordan Reyes"], in: library.root)
        #expect(render.status == 2)
        #expect(render.stderr.contains("partials include each other more than 10 deep"), "\(render.stderr)")

        // Within the depth, fan-out meets the expansion limit instead.
        try library.write("replylint.yml", try library.read("replylint.yml") + "limits: {partial-depth: 30}\n")
        let wide = try bounded(["lint", "replies/fan.md"], in: library.root)
        #expect(wide.stdout.contains("this reply's length cannot be checked and render refuses it: it can expand to more than limits.expansion (100,000 characters) through the partials p0 → p1"), "\(wide.stdout)")
        let wideRender = try bounded(["render", "fan", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jordan Reyes"], in: library.root)
        #expect(wideRender.status == 2)
        #expect(wideRender.stderr.contains("longer than 100,000 characters (limits.expansion)"), "\(wideRender.stderr)")
    }

    @Test("partials that include each other: lint reports the loop at the reply and at the partials")
    func recursivePartials() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replies/_partials/a.mustache", "a {{> b}}")
        try library.write("replies/_partials/b.mustache", "b\n{{> a}}")
        try library.write("replies/rec.md", reply("{{> a}} "))
        let result = try bounded(["lint"], in: library.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("replies/rec.md:7:47  error  this reply's length cannot be checked and render refuses it: partials include each other in a loop (a → b → a)"), "\(result.stdout)")
        #expect(result.stdout.contains("replies/_partials/a.mustache:1:3  error  partials include each other in a loop (a → b → a)"), "\(result.stdout)")
        #expect(!result.stdout.contains("replies/_partials/b.mustache"), "one loop, one finding at the partials: \(result.stdout)")
    }

    @Test("YAML anchors that expand a file past limits.file-size: the file is not read")
    func yamlAnchors() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        let big = String(repeating: "x", count: 1_000_000)
        let items = (0..<200).map { "  - {id: r\($0), faq: missed-collection, channels: [x-dm], body: *big}" }.joined(separator: "\n")
        try library.write("replies/bomb.yml", "anchors:\n  - &big \"\(big)\"\nreplies:\n\(items)\n")
        // Anchors of anchors: 10 × 10 × … of a short string, in a reply's front matter.
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...8 { laughs += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try library.write("replies/laughs.md", "---\nfaq: missed-collection\nchannels: [x-reply]\n\(laughs)---\nHi {{customer.first_name}}.\n")
        let result = try bounded(["lint"], in: library.root, megabytes: 2_000)
        #expect(result.status == 1)
        #expect(result.stdout.contains("replies/bomb.yml:4:62"), "\(result.stdout)")
        #expect(result.stdout.contains("error  this file is not read: its YAML aliases expand it to more than 1,048,576 bytes (limits.file-size)"), "\(result.stdout)")
        #expect(result.stdout.contains("replies/laughs.md:"), "\(result.stdout)")
        #expect(result.stdout.contains("error  the front matter is not read: its YAML aliases expand it to more than 1,048,576 bytes"), "\(result.stdout)")
        // Only that: not a cascade of faq-missing and channel-unknown for a reply whose settings were never read.
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix("replies/laughs.md") }.count == 1, "\(result.stdout)")
    }

    @Test("limits are settings: shown in config errors, bounded by ceilings")
    func limitSettings() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        let original = try library.read("replylint.yml")
        for (setting, message) in [
            ("limits: {file-sise: 100}", "unknown key 'limits.file-sise' (did you mean 'file-size'?)"),
            ("limits: {expansion: 0}", "'limits.expansion' takes a whole number of characters from 1 to 10,000,000"),
            ("limits: {partial-depth: 1000}", "'limits.partial-depth' takes a whole number of levels from 1 to 100"),
            ("limits: {placeholder-max: 50}\nplaceholders:\n  order.note: {max: 80}", "'placeholders.order.note.max' is 80, more than limits.placeholder-max (50 characters)"),
        ] {
            try library.write("replylint.yml", original + setting + "\n")
            let result = try bounded(["lint"], in: library.root)
            #expect(result.status == 2)
            #expect(result.stderr.contains(message), "\(setting): \(result.stderr)")
        }
    }
}

@Suite("Careless libraries: checking nothing, overwriting, values", .timeLimit(.minutes(2)))
struct CarelessLibraryTests {
    @Test("no replies folder, or a typo in paths.replies: exit 2, not a green run")
    func missingReplyFolder() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replylint.yml", try library.read("replylint.yml") + "paths: {replies: replys}\n")
        let typo = try bounded(["lint"], in: library.root)
        #expect(typo.status == 2)
        #expect(typo.stderr.hasPrefix("replylint: replys: the replies folder does not exist in "), "\(typo.stderr)")
        try library.write("replylint.yml", "paths: {replies: []}\n")
        let policiesOnly = try bounded(["lint", "--format", "json"], in: library.root)
        #expect(policiesOnly.status == 0, "a library of policies only, said so: \(policiesOnly.stderr)")
        #expect(replyCount(policiesOnly) == 0)
        try library.remove("replylint.yml")
        try library.remove("replies")
        let missing = try bounded(["lint"], in: library.root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("replies: the replies folder does not exist"), "\(missing.stderr)")
        let serve = try bounded(["serve", "--port", "0"], in: library.root, seconds: 20)
        #expect(serve.status == 2, "serve started on a library without replies")
        #expect(serve.stderr.contains("the replies folder does not exist"))
    }

    @Test("--output and --write-baseline never overwrite a reply, partial, policy or replylint.yml")
    func reportsNeverOverwriteTheLibrary() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        let files = ["replies/waste/bulky-items.md", "replies/_partials/signature.mustache", "policies/faq.md", "replylint.yml", "replies/new-report.txt"]
        for file in files {
            let before = try? library.read(file)
            for option in ["--output", "--write-baseline"] {
                let result = try bounded(["lint", option, file], in: library.root)
                #expect(result.status == 2, "\(option) \(file)")
                #expect(result.stderr == "replylint: \(file): \(option) would overwrite or add a file of the library (replies, policies, replylint.yml); write it elsewhere — only --fix changes what you wrote\n")
                #expect((try? library.read(file)) == before, "\(option) changed \(file)")
            }
        }
        let export = try bounded(["export", "json", "--output", "replies/waste/bulky-items.md"], in: library.root)
        #expect(export.status == 2)
        // Outside the reply and policy folders, reports are written as before.
        #expect(try bounded(["lint", "--output", "report.txt"], in: library.root).status == 0)
        #expect(try library.read("report.txt").hasPrefix("No problems found"))
    }

    @Test("values that are not one line of text are refused, with the name", arguments: [
        (#"{"customer.first_name": "Ana", "agent.full_name": {}}"#, "the value for agent.full_name is an object, not text"),
        (#"{"customer.first_name": false, "agent.full_name": "Jordan Reyes"}"#, "the value for customer.first_name is false, not text"),
        (#"{"customer.first_name": ["Ana"], "agent.full_name": "Jordan Reyes"}"#, "the value for customer.first_name is a list, not text"),
        (#"{"customer.first_name": "Ana\nVisit evil.example", "agent.full_name": "Jordan Reyes"}"#, "the value for customer.first_name holds a line break"),
        (#"{"customer.first_name": "Ana\tB", "agent.full_name": "Jordan Reyes"}"#, "the value for customer.first_name holds a control character"),
    ])
    func valuesThatAreNotText(vars: String, message: String) throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("vars.json", vars)
        let result = try bounded(["render", "waste/bulky-items", "--channel", "x-reply", "--vars", "vars.json"], in: library.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("a number is text enough: printed as written")
    func numbersArePrinted() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replies/number.md", reply("Your case is {{case.number}}. ").replacingOccurrences(of: "x-reply", with: "x-dm"))
        try library.write("vars.json", #"{"customer.first_name": "Ana", "agent.full_name": "Jordan Reyes", "case.number": 12345}"#)
        let result = try bounded(["render", "number", "--vars", "vars.json"], in: library.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Your case is 12345."))
    }

    @Test("config values every render would refuse are config errors, with file and line", arguments: [
        ("x: \"1490000000000000000\"", "x: \"\"", "replylint.yml:7:6: 'accounts.x' is empty"),
        ("x: \"1490000000000000000\"", "x: \"149&text=hi\"", "'accounts.x' holds '\"&\"'; an account id is letters, digits"),
        ("name: Riverton City Services", "name: \"Riverton {{ City\"", "replylint.yml:4:9: 'team.name' holds '{{' or '}}'"),
        ("name: Riverton City Services", "name: \"Riverton [NAME]\"", "'team.name' holds the fill-in marker '[NAME]'"),
        ("name: Riverton City Services", "name: \"  \"", "'team.name' is empty"),
        ("policy-section-missing: {require-public-records: true}", "tone-readability: {min-words: -5}", "'rules.tone-readability.min-words' takes a whole number of 0 or more"),
        ("policy-section-missing: {require-public-records: true}", "reply-duplicate: {similarity: -0.5}", "'rules.reply-duplicate.similarity' takes a number of 0 or more"),
    ])
    func configValues(original: String, replacement: String, message: String) throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        let config = try library.read("replylint.yml")
        try #require(config.contains(original))
        try library.write("replylint.yml", config.replacingOccurrences(of: original, with: replacement))
        let result = try bounded(["lint"], in: library.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a default or fallback render could never print is a front-matter error")
    func placeholderDefaults() throws {
        let library = try ScratchLibrary.sample()
        defer { library.delete() }
        try library.write("replies/defaults.md", reply(placeholders: "placeholders:\n  customer.first_name: {default: \"{{agent.full_name}}\"}\n  agent.full_name: {fallback: \"Jo\\nReyes\"}\n"))
        let result = try bounded(["lint", "replies/defaults.md"], in: library.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("'customer.first_name.default' holds '{{' or '}}'"), "\(result.stdout)")
        #expect(result.stdout.contains("'agent.full_name.fallback' holds a line break or a control character"), "\(result.stdout)")
    }
}
