// personal-data-public: a public reply asks for personal data without sending the customer somewhere private.

public struct PersonalDataPublicRule: Rule {
    public static let description = RuleDescription(
        id: "personal-data-public", severity: .error, category: .privacy, checksRenderedText: true,
        summary: "A reply on a public channel asks for personal data (order or account number, email, phone, address…) without sending the customer to a private channel.",
        rationale: """
            A public reply that asks "what's your account number?" invites the customer to post it where anyone \
            can read, quote and archive it. Ask for it in a Direct Message or private message, or send people to \
            email, phone or a form — ideally with `{{dm_link}}`. A reply that offers a private route but also \
            invites a public answer ("DM us or reply here with…") is still reported.
            """,
        options: [RuleOption("extra-items", default: .strings([]), "more things to treat as personal data, e.g. [meter number, student id]")],
        blindSpots: [
            "English and Spanish (a reply's `locale`: `es`, `es-MX`, `es-US`, `es-ES`…); a reply in a language ReplyLint has no words for is never reported. In Spanish, a request by a pronoun joined to the verb (\"envíanoslo\") is not read, and neither are the English classes built from split replies, brand numbers and have-questions about a pronoun.",
            "A private route anywhere in the reply (a DM, email, phone number, form or any link not offered as reading) counts for every request in it, unless the request's own sentence invites a public answer (\"here\", \"below\", \"in the comments\", \"or reply with\").",
            "A link counts as a route wherever it stands and whatever it opens, unless the words just before it offer it as something to read (\"try:\", \"we recommend\", \"steps\"): \"use this link to check online\" clears a request.",
            "A bare \"name\" is not an item (\"your name\" is asked in public too often to flag); \"full name\", \"the name on the booking\", \"the name the order is under\" are. Domain names and website or video links are not items either.",
            "A link counts as a route when it is written out or pointed to (\"the link below\", \"this link\"), not when the team sends one (\"we'll send a reset link\").",
            "\"Details\" and \"info\" count only as the customer's (\"your details\", \"required details\", \"the details requested\", \"the info on the account\"), never \"more details\" or \"the details of the fault\".",
            "A brand's own customer number is recognised as \"your\" and one or two capitalised words before \"number\" (\"your Idea number\"); written in lower case (\"your idea number\") it is missed.",
            "A pronoun (\"send it to us\", \"share the correct one\") stands for the last item named in its sentence or the one before, when that item was not itself asked for.",
            "A part of a reply split in two that starts in the middle of a sentence (in lower case) and opens with items (\"email address and phone number. 2/2\") is read as the rest of a request made in the part before; so is a numbered later part (\"… 2/3\") that opens with a list of items and has no verb of its own (\"Your full name & address, the store you visited… 2/3\").",
            "Confirming a value the team quotes (\"is the affected number 0723***082?\", \"Under the surname Smith?\") and needs worded in other ways (\"some details\", \"send the booking over\") are missed; a bare \"booking\" is read as its reference only when it is given to the team (\"provide us the booking\", \"may we have the correct bookings?\") and nothing but a word like \"and\", \"to\" or \"please\" follows it; \"send the booking over\", \"send your booking\" are missed; an item followed by its value (\"reply to ticket #10267422\") is the team's quote, never a request.",
            "An item cut in two by a split reply (\"…the date of >>\" then \">> birth\", \"...number, last top up\") is missed. A sentence that only names items (\"Your confirmation number.\") is read as asking for them, unless the next one is about them (\"It's in the email.\") or the customer's use (\"You'll need it at the desk.\").",
            "A condition without a comma (\"If the issue persists write us back with your number\") hides the request after it; \"if you're willing to share…\" and \"if you'd like to give…\" are read.",
            "Data typed into a self-service tool is not a request (\"enter your order number on our tracking page\", \"add your number to your profile\") when the tool is named right after the item; \"verify your email address to finish signing up\" is still reported.",
            "\"Is there / are there\" asks for an item (\"are there any reference numbers attached to your emails?\"), except one printed on a document named right after it (\"is there a phone number on the confirmation?\" is left alone, whoever's number it is).",
            "A link followed by \"for\" and a topic (\"… https://… for cabin baggage policy\", \"for your guidance\", \"for more information\") is offered as reading and is no route, unless \"via\", \"through\" or \"using\" stands just before it. A bare \"passport\" is asked for only when nothing but a word like \"and\", \"for\" or \"with\" follows it (\"DM us the passenger passport and…\"; not \"your passport must be valid\"). A website where something is available (\"available on our website\") is no route. Giving data in person (\"provide your BIG ID at the train counter\") and resubmitting a case are read as public requests.",
            "A traveller's name and documents count as the customer's (\"the passengers name\", \"a copy of passenger IC\"); \"which password\" asks which kind, not the password; a part that starts mid-sentence with an item followed by \"is\" or \"was\" (\"date of birth is stated as…\") is the team's statement. Giving data at a counter or during a purchase (\"provide your BIG ID during train ticket purchase\") is read as a public request.",
            "A link right after the agent's initials (\" /DB https://t.co/…\", \" ^JD https://…\", the mark after a space) is the reply's own route, whatever the words before the initials. A DM referred to (\"as referring to the DM\", \"as per the DM\") is no route.",
            "A link offered as a troubleshooting step (\"let's reinstall the game: https://…\", \"power cycle: https://…\") is no route, nor is \"below\" after \"the\" (\"DM your card number using the below…\") an invitation to answer in public.",
            "The address, postcode or phone of a place is not the customer's when the place is named next to it (\"the store's postcode\", \"the ZIP of the branch\", \"a postcode of this area\"); \"the postcode where you were\" is still read as theirs.",
            "Asking only whether the customer has an item counts when it is a question (\"Do you have a tracking number?\", \"Did they give you a reference number?\", and by pronoun: \"Receipt numbers start with 006. Do you have that?\"), unless the team has just sent it (\"We've emailed your tracking number. Do you have it?\").",
            "Whether the customer has, knows or received a secret is not a request for it (\"were you able to get that verification code?\", \"do you know the passcode for the iPhone?\"); asked outright (\"what's the passcode?\") it is. Data typed in (\"just enter your email so we can notify you\", when the reply names a site, app, page or form) is not a request unless \"here\" or \"below\" follows; \"please enter your card number and we'll refund you\" is one.",
            "A value the customer would like set is read as their identifier (\"let us know the display name you'd like on your account\" is reported). A loyalty ID is known by its programme's name only for AirAsia's BIG (\"guest big id\"); other programmes need \"member\", \"loyalty\" or \"rewards\" (or `extra-items`). Malay and Indonesian (8 of the 29 misses left on sets G–L, 1 of 5 on M), Japanese and other languages without a words file are not read.",
            "An address or email after \"to\" or \"into\" and a determiner is where something goes (\"forward it to the address in this article\"), and an item after \"to amend\", \"to change\", \"to update\" and the like, or after \"changing\" or \"updating\", is what is to be changed (\"are you referring to amend the passenger name?\"): neither is read as asked for where it stands, though a pronoun after it may still ask for it (\"…to a new address? If so, please send it to us\"). A condition with its subject left out asks only when \"if\" opens the clause or follows thanks or hope (\"would be great if can provide…\"; not \"we'll check if can resend…\"). These three classes are English only. A route in a question about what the customer did (\"did you ask via our web form? If yes, please provide the case number\") still counts as offered.",
            "Not reported, by design: a request negated with \"w/o\" or \"w/out\"; \"may I know if/whether…\" (whether something happened); \"you can add/enter…\" (an option in the customer's own settings); \"an alternate number\" just after a flight, seat or model is named with its number; \"birthday\" other than \"your birthday\"; the closest or nearest address to something; a part that starts mid-sentence and then says the data is private or the page public. A link sent earlier (\"the link we shared earlier\") counts as a route.",
        ],
        triggering: [
            Example("Hi {{customer.first_name}}, what's your ↓order number? We'll check on it."),
            Example("Sorry about that! Can you share your ↓account number so we can look into it?"),
            Example("Please DM us or reply here with your ↓tracking number."),
            Example("Drop your ↓email below and we'll be in touch."),
            Example("↓Order #? We'll take a look."),
            // Identifiers the vocabulary did not know: gamer tags, a brand's own customer number, misspelt booking codes.
            Example("Can you provide me with your ↓gamertag so I can pull up your account?"),
            Example("Please share your ↓Idea number and alternate number so we can solve this."),
            Example("Please provide your ↓6 letter code so we can look at your reservation."),
            Example("Kindly provide your ↓number for a quick check."),
            // Details in general after a verb of sending, with no private route.
            Example("We request you to provide required ↓details to assist you further."),
            // Needs, have-questions and lists worded without a request verb.
            Example("May we know your ↓booking no for further assistance?"),
            Example("Did you get a trouble ↓ticket number?"),
            Example("Could you let us know the flights you've booked, along with your ↓full name and contact number?"),
            // A pronoun for an item named just before.
            Example("The transaction ID is incorrect, kindly confirm and share ↓the correct one."),
            Example("The booking code you gave us isn't working. Please check and resend ↓it."),
            // Needs with a word between, whether an item exists, a phone number described by its use.
            Example("I'll need at least the ↓postcode to log this for you."),
            Example("Is there a ↓reference number for the call you made?"),
            Example("Do you have a ↓number we can reach you on?"),
            // Willingness after a condition; a second object after "and".
            Example("If you're willing to share your ↓postcode, we can take a closer look."),
            Example("Please tell us why you want to leave the network and also your ↓number so we can help."),
            // A later part of a numbered reply that lists the items.
            Example("Your ↓full name & postcode, the shop you went to & what you paid 2/3"),
            // The rest of a request made in the part before, in a reply split in two.
            Example("↓email address and contact telephone number. We'll look into it for you 2/2"),
            // A link offered as reading, or as a troubleshooting step, is no route.
            Example("What's your ↓ZIP code? For now, try: https://help.example.com/playback"),
            Example("What's your ↓gamertag? Also, let's reinstall the game: https://help.example.com/reinstall"),
            // A plea just before the verb makes it an imperative, even in a run-on sentence.
            Example("sorry that happened kindly share the ↓order number for a check."),
            // A question for any item the team can use; a bare "booking" after a verb of giving; a polite "appreciate if".
            Example("Happy to help. Any ↓order number to look up?"),
            Example("Sorry for the wait. Please provide us the ↓booking and we'll look into it."),
            Example("Appreciate if could share the ↓support case so we can follow up."),
            // A modal request with its verb left out; a DM referred to, not offered.
            Example("Hello, may we the ↓order number to trace the parcel."),
            Example("Thanks for waiting. Could we have your ↓order number, as per the DM earlier?"),
            // "it" after a verb is its object, not a new subject; a link offered as reading by the words after it;
            // a website where something is available is no route.
            Example("The voucher lasts a year. Please check on it and send your ↓email so we can extend it."),
            Example("Do you have the ↓ticket number so we can look into this."),
            Example("Could we have your ↓order number? Tap https://example.com/returns for our returns policy."),
            Example("The credit works on any route available on our website. Please send us your ↓BIG ID and we'll add it."),
            // A condition whose subject, the reader, is left out asks as "if you can" does.
            Example("Would be great if can share your ↓order number with a few more details."),
            // An agent's note filled into a public reply is checked as sent.
            Example(rendered: "Hi {{customer.first_name}}, {{agent.note}}", values: ["customer.first_name": "Ana", "agent.note": "can you reply with your account number?"]),
            // Spanish, read with words-es.txt.
            Example("Hola {{customer.first_name}}, ¿cuál es tu ↓número de cuenta? Lo revisamos enseguida.", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, envíanos un MD o responde aquí con tu ↓número de pedido: {{dm_link}}", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, déjanos tu ↓correo electrónico en los comentarios y te escribimos.", locale: "es-US"),
            Example("Hola {{customer.first_name}}, para revisar la cobertura, ¿nos indicas tu ↓código postal?", locale: "es-ES"),
        ],
        nonTriggering: [
            Example("Please DM us your order number so we can take a look: {{dm_link}}"),
            Example("Please don't share your account number here. Send us a private message instead: {{dm_link}}"),
            Example("Thanks, we're checking the order number you sent by DM."),
            Example("You'll find your tracking number in the confirmation email."),
            Example("What's your order number? We'll check on it.", channels: ["x-dm"]),
            // A Spanish text read as English (no `locale`) is not understood.
            Example("Envíanos tu número de pedido por aquí."),
            Example("Hola {{customer.first_name}}, envíanos por mensaje privado tu número de pedido: {{dm_link}}", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, por tu seguridad no compartas tu número de cuenta aquí.", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, te enviaremos tu número de guía por correo en cuanto salga el paquete.", locale: "es-MX"),
            Example("Hola {{customer.first_name}}, llámanos al 800 123 4567 y ten a la mano tu número de contrato.", locale: "es-MX"),
            // Private routes: a link the reply points to, the team's email, a channel verb.
            Example("Can you DM your full address by clicking the link below?"),
            Example("Please write back to the email you received from us with your booking reference."),
            Example("Please email your order details to help@riverton.gov."),
            // Not the customer's data: a place they visited, where a message came from, details of a fault.
            Example("Please send us the street and ZIP of the branch you visited."),
            Example("Did you go to a particular branch? If so, send the address and we'll pass this on."),
            // "the below" points at a link, even one the split cut off; a self-service tool; a question whether a document shows it.
            Example("If you DM your loyalty card number using the below... 1/2 https://t.co/abc123"),
            Example("Please enter your order number on our tracking page to see where it is."),
            Example("Is there a phone number on the confirmation you got?"),
            Example("We've emailed your tracking number. Do you have it?"),
            Example("Happy to send your tracking number as soon as it ships."),
            Example("Can you confirm the email address this was sent from?"),
            Example("Send us more details about what happened."),
            Example("What is your Flight number?"),
            // "w/o" is "without"; a modal request for whether something happened; a link sent earlier; another flight
            // number; the closest address to a place; an option in the customer's own settings.
            Example("W/o posting your account number, could you tell us which plan you're on?"),
            Example("May I know if you've had an email at your registered email address about the refund?"),
            Example("Please share your details via the link we shared earlier and we'll call you."),
            Example("We couldn't find flight 88 on that date. Can you send an alternate number?"),
            Example("If you share the closest street address, we can check the playground's hours."),
            Example("You can add your phone number under Settings whenever you like."),
            // Whether a code arrived; typed into a form; a booking made, not its reference; a field of the team's form.
            Example("Were you able to get the sign-in code we texted? If not, we can resend it."),
            Example("Sign-ups open on our website next week. Just enter your email address to hear when we launch."),
            Example("Can you confirm your booking was made in the app?"),
            Example("Do you have a booking with us? Please note your passport must be valid for six months."),
            Example("In the remarks field of the refund form, please state your bank details."),
            // The team's form; a link after the agent's initials is the reply's own route.
            Example("For a refund, please complete the form with your order number and we'll review it."),
            Example("Can you send us the username on your account? We'll take a look /KM https://example.com/help"),
            // Where something is to be sent, and what is to be changed, are not data handed over.
            Example("Not from us, so we'd like to see it. Please pass it on to the address in this help page: https://example.com/help"),
            Example("May we know if you mean to amend the passenger name or swap the passenger?"),
            Example(rendered: "Hi {{customer.first_name}}, {{agent.note}}", values: ["customer.first_name": "Ana", "agent.note": "we've booked a pickup for Friday."]),
        ])

    public init() {}

    public func check(reply: Reply, in context: LintContext) -> [Finding] {
        let publicChannels = context.channels(of: reply).filter(\.isPublic)
        guard let channel = publicChannels.first else { return [] }
        let requests = PrivacyText.requests(in: reply, context: context)
        let sentences = Self.bySentence(requests.isEmpty ? [] : Self.publicRequests(requests, in: reply.prose, vocabulary: context.personalData(of: reply)))
        let positions = PrivacyText.positions(of: sentences.map { $0[0].range }, in: reply)
        return zip(sentences, positions).map { requests, position in
            Self.finding(message(for: requests, channel: channel), in: reply, at: position.0, end: position.1, channel: channel.id)
        }
    }

    public func check(rendered: RenderedText, in context: LintContext) -> [Finding] {
        guard rendered.channel.isPublic else { return [] }
        return Self.bySentence(Self.publicRequests(PrivacyText.requests(inRendered: rendered, context), in: rendered.text, vocabulary: context.personalData(of: rendered.reply))).map { requests in
            Self.finding(message(for: requests, channel: rendered.channel), in: rendered.reply, at: nil, channel: rendered.channel.id)
        }
    }

    /// One finding per sentence: "send us your name, ZIP and phone #" asks for three things at once.
    static func bySentence(_ requests: [DataRequest]) -> [[DataRequest]] {
        var groups: [[DataRequest]] = []
        for request in requests {
            if let last = groups.last?.last, last.sentence == request.sentence {
                groups[groups.count - 1].append(request)
            } else {
                groups.append([request])
            }
        }
        return groups
    }

    /// Requests that would be answered in public (secrets included: `personal-data-never` also reports those).
    static func publicRequests(in text: String, vocabulary: PersonalDataVocabulary) -> [DataRequest] {
        publicRequests(DataRequests.find(in: text, vocabulary: vocabulary), in: text, vocabulary: vocabulary)
    }

    static func publicRequests(_ requests: [DataRequest], in text: String, vocabulary: PersonalDataVocabulary) -> [DataRequest] {
        guard !requests.isEmpty else { return [] }
        let routed = vocabulary.grammar.routes.offersPrivateRoute(text)
        return requests.filter { $0.invitesPublicAnswer || (!routed && !$0.namesPrivateRoute) }
    }

    func message(for requests: [DataRequest], channel: Channel) -> String {
        let where_ = channel.privateRoute != nil ? "in a Direct Message ({{dm_link}})" : "in a private channel"
        let invited = requests.contains(where: \.invitesPublicAnswer) ? " and invites the answer in public" : ""
        var names: [String] = []
        for request in requests where !names.contains(request.item.name) { names.append(request.item.name) }
        let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names.last! : names[0]
        return "asks for \(list) in a public reply\(invited); ask for \(names.count > 1 ? "them" : "it") \(where_) instead"
    }
}
