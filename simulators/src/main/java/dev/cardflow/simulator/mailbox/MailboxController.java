package dev.cardflow.simulator.mailbox;

import dev.cardflow.simulator.DemoOnly;
import dev.cardflow.simulator.Offload;
import dev.cardflow.simulator.SimulatorConfiguration.SimulatorDatabase;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** A simulated mail service: the shop hands it messages for buyers; tests and people read the mailbox. */
@DemoOnly
@RestController
@RequestMapping(path = "/simulator/mailbox/v1/messages", produces = MediaType.APPLICATION_JSON_VALUE)
public class MailboxController {

    /** A message for a buyer. */
    public record Message(String to, String subject, String text) {
    }

    private final SimulatorDatabase db;

    public MailboxController(SimulatorDatabase db) {
        this.db = db;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Map<String, Object>> send(@RequestBody Message message) {
        if (message.to() == null || message.to().isBlank() || message.subject() == null || message.text() == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "to, subject and text are required"));
        }
        return Offload.jdbc(() -> Map.of("messageId", db.jdbc().queryForObject(
                "insert into simulator.mailbox_message (to_address, subject, body) values (?, ?, ?) returning id",
                Long.class, message.to(), message.subject(), message.text())));
    }

    @GetMapping
    public Mono<List<Map<String, Object>>> read(@RequestParam String to) {
        return Offload.jdbc(() -> db.jdbc().queryForList("""
                select id as "messageId", to_address as "to", subject, body as "text", received_at as "receivedAt"
                from simulator.mailbox_message where lower(to_address) = lower(?) order by id""", to));
    }
}
