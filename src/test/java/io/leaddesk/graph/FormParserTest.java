package io.leaddesk.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.LeadForm;
import org.junit.jupiter.api.Test;

/** A form's checkbox flags are read with the yes/no rule of a lead's is_checked (one rule for both). */
class FormParserTest {

    @Test
    void checkboxFlagsFollowTheLeadsYesNoRule() throws Exception {
        String raw = """
                {"id":"F1","name":"Form","legal_content":{"custom_disclaimer":{"title":"T","body":{"text":"B"},
                 "checkboxes":{"data":[
                  {"key":"a","is_required":"1","is_checked_by_default":""},
                  {"key":"b","is_required":2,"is_checked_by_default":0},
                  {"key":"c","is_required":" TRUE ","is_checked_by_default":"0"},
                  {"key":"d","is_required":true,"is_checked_by_default":"yes"},
                  {"key":"e","is_required":0.5,"is_checked_by_default":null}]}}}}""";
        LeadForm form = FormParser.form(new ObjectMapper().readTree(raw), "p-1", raw);
        assertThat(form.disclaimer().checkboxes()).extracting(c -> c.key() + "=" + c.required() + "/" + c.checkedByDefault())
                .containsExactly("a=true/false", "b=true/false", "c=true/false", "d=true/false", "e=true/false");
        assertThat(form.disclaimer().checkboxes()).extracting(DisclaimerCheckbox::text).containsOnlyNulls();
    }
}
