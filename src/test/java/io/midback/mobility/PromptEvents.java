package io.midback.mobility;

import io.midback.sim.MobilityProtocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The guided check's prompts for a simulated plan, as the {@code # event:} values a guided check writes: each
 * block's start {@link #PROMPT_LEAD_S} before its first movement, its end as long after.
 */
public final class PromptEvents {
    /** The prompt comes this long before a block's first movement and after its last, s. */
    static final double PROMPT_LEAD_S = 0.5;

    private PromptEvents() {
    }

    public static List<String> of(MobilityProtocol protocol) {
        List<String> out = new ArrayList<>();
        for (MobilityProtocol.PlannedBlock b : protocol.blocks()) {
            out.add(new MobilityEvent(b.startS() - PROMPT_LEAD_S, MobilityEvent.BLOCK_START,
                    b.movement()).toValue());
            out.add(new MobilityEvent(b.endS() + PROMPT_LEAD_S, MobilityEvent.BLOCK_END, "")
                    .toValue());
        }
        return out;
    }
}
