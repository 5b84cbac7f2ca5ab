package dev.waypoint.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementBodyTest {

    private static final String ID = "6690e6c9-3ef0-4ed3-8b37-7f3964730bee";
    private final ObjectMapper json = new ObjectMapper();

    private StatementBody read(String body) throws Exception {
        return StatementBody.read(json, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsEachArrayElementsOwnTextEvenAfterMultiByteCharacters() throws Exception {
        StatementBody body = read("""
                [ {"verb": {"display": {"de-DE": "abgeschloßen ✓"}}} ,
                  {"n":  2}]""");

        assertThat(body.array()).isTrue();
        assertThat(body.statements()).extracting(StatementBody.Sent::text)
                .containsExactly("{\"verb\": {\"display\": {\"de-DE\": \"abgeschloßen ✓\"}}}", "{\"n\":  2}");
    }

    @Test
    void putsTheIdInFrontOfTheSendersTextWhenItCarriesNone() throws Exception {
        StatementBody.Sent sent = read("{ \"actor\": {\"mbox\": \"mailto:a@example.com\"} }").statements().get(0);

        String stored = sent.storedText(ID);

        assertThat(stored).isEqualTo("{\"id\":\"" + ID + "\", \"actor\": {\"mbox\": \"mailto:a@example.com\"} }");
        assertThat(json.readTree(stored).get("id").asText()).isEqualTo(ID);
        assertThat(json.readTree(stored).get("actor")).isEqualTo(sent.tree().get("actor"));
    }

    @Test
    void keepsTheTextAsSentWhenItCarriesExactlyTheId() throws Exception {
        String text = "{\"id\":\"" + ID + "\",\"n\":1}";

        assertThat(read(text).statements().get(0).storedText(ID)).isEqualTo(text);
    }

    @Test
    void leavesAnIdInOtherCaseToTheTreeBecauseTheStoredIdIsLowerCase() throws Exception {
        StatementBody.Sent sent = read("{\"id\":\"" + ID.toUpperCase() + "\",\"n\":1}").statements().get(0);

        assertThat(sent.storedText(ID)).isNull();
    }

    @Test
    void aNonObjectElementHasNoText() throws Exception {
        StatementBody body = read("[null, 3, \"x\"]");

        assertThat(body.statements()).hasSize(3).allSatisfy(sent -> assertThat(sent.text()).isNull());
        assertThat(body.statements().get(0).tree().isNull()).isTrue();
    }

    @Test
    void refusesTextAfterTheValueNamingWhereItIs() {
        assertThatThrownBy(() -> read("{\"n\":1}\n {\"n\":2}"))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation().getLineNr()).isEqualTo(2));
    }

    @Test
    void anEmptyBodyHoldsNoStatements() throws Exception {
        assertThat(read("  ").statements()).isEmpty();
        assertThat(read("[]").array()).isTrue();
        assertThat(read("[]").statements()).isEmpty();
    }
}
