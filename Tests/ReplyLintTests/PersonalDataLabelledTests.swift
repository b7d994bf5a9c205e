// The hand-labelled sets: every reply, each rule's verdict compared with the label — the personal-data
// set (English, with a Spanish section) and the Spanish set of issue 19.

import Foundation
import ReplyLint
import Testing
import Yams

struct LabelledCase: Decodable, CustomTestStringConvertible, Sendable {
    var text: String
    var channel: String
    var expect: [String]
    var why: String?
    /// The reply's `locale` front matter, when the case has one (`es-MX`…).
    var locale: String?
    /// The Spanish set's split: `tuning` or `heldout`.
    var split: String?

    var testDescription: String { "[\(channel)\(locale.map { " " + $0 } ?? "")] \(text.prefix(70))" }

    static let rules: Set = ["personal-data-public", "personal-data-never", "personal-data-literal", "dm-link-missing"]
    /// The eleven rules the Spanish set labels.
    static let spanishRules: Set = rules.union(["tone-shouting", "tone-exclamation", "tone-blame", "tone-cliche", "tone-impersonal", "tone-signoff", "fill-in-marker"])

    static var all: [LabelledCase] { read("personal-data-labelled.yml") }
    static var spanish: [LabelledCase] { read("spanish-labelled.yml") }

    static func read(_ fixture: String) -> [LabelledCase] {
        let url = CLI.fixtures.appendingPathComponent(fixture)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return (try? YAMLDecoder().decode([LabelledCase].self, from: text)) ?? []
    }

    /// The rules that fire on this reply, among the ones its set labels.
    func actual(rules ruleIDs: Set<String> = rules) -> Set<String> {
        let localeLine = locale.map { "locale: \($0)\n" } ?? ""
        let file = "---\nfaq: missed-collection\nchannels: [\(channel)]\n\(localeLine)---\n\(text)"
        let reply = ReplyParser.parse(file, file: "replies/case.md", defaultID: "case", knownRules: RuleRegistry.ids, mediaExists: { _ in true })
        var configuration = Configuration()
        configuration.accounts = ["x": "1", "facebook": "page", "instagram": "page"]
        let library = Library(configuration: configuration, replies: [reply], policies: [ExampleHarness.faq])
        let rules = RuleRegistry.all.filter { ruleIDs.contains(type(of: $0).description.id) }
        return Set(Linter(rules: rules).lint(library).findings.map(\.ruleID))
    }
}

/// Cases the rules get wrong today, each with why; the test checks they still differ, so a fix
/// shows up as a failure that asks for the entry to be removed.
let knownLabelDisagreements: [String: String] = [:]

@Test func labelledSetIsLargeEnough() {
    let cases = LabelledCase.all
    #expect(cases.count >= 150)
    #expect(cases.filter { $0.expect.contains("personal-data-public") }.count >= 30)
    #expect(cases.filter { !$0.expect.contains("personal-data-public") && ["x-reply", "facebook-comment", "instagram-comment"].contains($0.channel) }.count >= 60)
}

@Test(arguments: LabelledCase.all)
func labelledPersonalData(_ labelled: LabelledCase) {
    let actual = labelled.actual()
    let expected = Set(labelled.expect)
    if let reason = knownLabelDisagreements[labelled.text] {
        #expect(actual != expected, "now agrees with the label; remove it from knownLabelDisagreements (\(reason))")
    } else {
        #expect(actual == expected, "\(labelled.why ?? "")")
    }
}

/// Held-out Spanish cases the rules get wrong, read after the one measurement of the held-out split
/// (eval/spanish/README.md lists their classes as blind spots; the rules were not tuned on them). The
/// test checks they still differ, so a fix shows up as a failure that asks for the entry to be removed.
let knownSpanishDisagreements: [String: String] = [
    "Hola {{customer.first_name}}, ¿nos indicas los tres dígitos de seguridad del reverso de tu tarjeta?": "a CVV described, not named",
    "Hola {{customer.first_name}}, para recuperar tu cuenta respóndenos con tu fecha de nacimiento y tu contraseña anterior.": "'respóndenos' is not among the request verbs",
    "Hola {{customer.first_name}}, si olvidaste tu PIN, lo puedes consultar en la app, en Ajustes de la tarjeta.": "'olvidaste' in a condition read as blame",
    "Hola {{customer.first_name}}, revisa tu bandeja de entrada: te llegó un correo de no-responder@aerolineasol.com con tu pase de abordar.": "'no-responder' is not a known team mailbox",
    "Hola {{customer.first_name}}, usted debió registrar su reporte antes del viernes.": "'registrar' is not among the should-have verbs",
    "Hola {{customer.first_name}}, tendrías que haber hecho el check-in en línea 24 horas antes.": "'hecho' alone is not among the should-have verbs",
    "Hola {{customer.first_name}}, como usted bien sabe, el pago vence el día 10.": "'como usted bien sabe' word order",
    "Hola {{customer.first_name}}, lamentamos informarle que su solicitud fue rechazada.": "'lamentamos informarle que' is not a listed stock phrase",
    "Hola {{customer.first_name}}, tenga la seguridad de que su caso está siendo atendido.": "'tenga la seguridad de que' is not a listed stock phrase",
    "{{customer.first_name}}, gracias por avisarnos. Ya enviamos una cuadrilla a revisar el semáforo.": "a reply that opens with the name placeholder is read as greeting nobody",
]

@Test func spanishSetIsSplit() {
    let cases = LabelledCase.spanish
    #expect(cases.count == 337)
    #expect(cases.filter { $0.split == "tuning" }.count == 225)
    #expect(cases.filter { $0.split == "heldout" }.count == 112)
}

@Test(arguments: LabelledCase.spanish)
func labelledSpanish(_ labelled: LabelledCase) {
    let actual = labelled.actual(rules: LabelledCase.spanishRules)
    let expected = Set(labelled.expect)
    if let reason = knownSpanishDisagreements[labelled.text] {
        #expect(actual != expected, "now agrees with the label; remove it from knownSpanishDisagreements (\(reason))")
    } else {
        #expect(actual == expected, "\(labelled.split ?? ""): \(labelled.why ?? "")")
    }
}
