package com.acme.compat.boot;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /visit?id=...} records a visitor and answers how many are known. */
@RestController
public class VisitController {

    private final VisitorRegistry registry;

    public VisitController(VisitorRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/visit")
    public String visit(@RequestParam("id") String id) {
        int known = registry.visit(id);
        return "hello " + id + ", visitors known: " + (known > 0 ? "some" : "none");
    }
}
