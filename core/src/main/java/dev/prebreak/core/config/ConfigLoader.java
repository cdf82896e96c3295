package dev.prebreak.core.config;

import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.rule.AdaptiveLead;
import dev.prebreak.core.schedule.ActivityCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the configuration from a YAML file and/or environment variables and validates it, collecting
 * every problem before failing.
 *
 * <p>Each key has an environment variable: {@code PREBREAK_} followed by its path in upper snake
 * case, list positions as numbers: {@code genesys.clientId} is {@code PREBREAK_GENESYS_CLIENT_ID},
 * {@code rules[0].lead} is {@code PREBREAK_RULES_0_LEAD}. Lists are comma-separated. The variable wins
 * over the file. An unknown {@code PREBREAK_} variable is an error, like an unknown key.
 */
public final class ConfigLoader {
    public static final String ENV_PREFIX = "PREBREAK_";
    /** Names a configuration file; not a setting itself. */
    public static final String CONFIG_FILE_VARIABLE = "PREBREAK_CONFIG";

    static final Duration MIN_LEAD = Duration.ofMinutes(1);
    static final Duration MAX_LEAD = Duration.ofHours(2);
    static final Duration MIN_TICK = Duration.ofSeconds(10);
    static final Duration MAX_TICK = Duration.ofMinutes(15);
    static final Duration MIN_CLOCK_SKEW = Duration.ofSeconds(1);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
    static final int MAX_CAP = 100_000;

    private static final List<String> TOP_KEYS = List.of("genesys", "scope", "rules", "tick", "dryRun", "maxChangesPerTick", "maxClockSkew", "state");
    private static final List<String> GENESYS_KEYS = List.of("region", "clientId", "clientSecret", "credentials");
    private static final List<String> SCOPE_KEYS = List.of("businessUnits", "managementUnits");
    private static final List<String> STATE_KEYS = List.of("store", "file", "table");
    private static final List<String> RULE_KEYS = List.of("name", "categories", "activityCodes", "lead", "presence",
            "eligibleRoutingStatuses", "atStartPresence", "revertWhenCancelled", "minimumActivityLength", "adaptive");
    private static final List<String> ADAPTIVE_KEYS = List.of("minimumLead", "margin", "handleTimes", "afterCallWork");
    private static final Pattern RULE_VARIABLE = Pattern.compile("PREBREAK_RULES_(\\d+)_([A-Z0-9_]+)");

    private final Map<String, String> environment;
    private final StateSettings stateDefaults;

    /** @param environment usually {@code System.getenv()}; tests pass their own */
    public ConfigLoader(Map<String, String> environment) {
        this(environment, new StateSettings(StateSettings.Store.MEMORY, null, null));
    }

    private ConfigLoader(Map<String, String> environment, StateSettings stateDefaults) {
        this.environment = Map.copyOf(environment);
        this.stateDefaults = stateDefaults;
    }

    /**
     * The same loader with other defaults for {@code state.store} and {@code state.file}: the CLI remembers
     * across runs in a per-user file unless told otherwise, where the library's default is memory.
     */
    public ConfigLoader withStateDefaults(StateSettings defaults) {
        return new ConfigLoader(environment, java.util.Objects.requireNonNull(defaults, "defaults"));
    }

    /** Reads a YAML file, then applies environment overrides. */
    public Config load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigException(List.of(new ConfigProblem("(file)", "cannot read " + file + ": " + e.getMessage())));
        }
        return parse(text, file.toString());
    }

    /** Configuration from environment variables alone (the Lambda's way). */
    public Config fromEnvironment() {
        return parse("", "environment");
    }

    /** Parses YAML text (named {@code source} in messages), then applies environment overrides. */
    public Config parse(String yaml, String source) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Object> tree = readYaml(yaml, source, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems); // anything more would be noise from the unread rest
        }
        applyEnvironment(tree, problems);
        Config config = new Reader(problems, stateDefaults).config(tree);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }

    private static Map<String, Object> readYaml(String yaml, String source, List<ConfigProblem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try {
            Object root = new Yaml(new SafeConstructor(options)).load(yaml);
            if (root == null) {
                return new LinkedHashMap<>();
            }
            if (root instanceof Map) {
                return mutableCopy((Map<?, ?>) root);
            }
            problems.add(new ConfigProblem("(file)", source + " must hold a mapping of settings at the top level"));
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1);
            problems.add(new ConfigProblem("(file)", source + " is not valid YAML" + where + ": " + e.getProblem()));
        } catch (YAMLException e) {
            problems.add(new ConfigProblem("(file)", source + " is not valid YAML: " + e.getMessage()));
        }
        return new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutableCopy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), mutable(v)));
        return copy;
    }

    private static Object mutable(Object v) {
        if (v instanceof Map) {
            return mutableCopy((Map<?, ?>) v);
        }
        if (v instanceof List) {
            List<Object> list = new ArrayList<>();
            for (Object o : (List<?>) v) {
                list.add(mutable(o));
            }
            return list;
        }
        return v;
    }

    // --- environment overrides --------------------------------------------------------------

    /** A value that came from an environment variable: text, lists comma-separated. */
    record FromEnvironment(String variable, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    static String variableFor(String... path) {
        return ENV_PREFIX + Arrays.stream(path).map(ConfigLoader::upperSnake).collect(Collectors.joining("_"));
    }

    private static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private void applyEnvironment(Map<String, Object> tree, List<ConfigProblem> problems) {
        Map<String, String[]> simple = new LinkedHashMap<>();
        for (String key : List.of("tick", "dryRun", "maxChangesPerTick", "maxClockSkew")) simple.put(variableFor(key), new String[]{key});
        for (String key : GENESYS_KEYS) simple.put(variableFor("genesys", key), new String[]{"genesys", key});
        for (String key : SCOPE_KEYS) simple.put(variableFor("scope", key), new String[]{"scope", key});
        for (String key : STATE_KEYS) simple.put(variableFor("state", key), new String[]{"state", key});
        Map<String, String> ruleKeys = new LinkedHashMap<>();
        for (String key : RULE_KEYS) ruleKeys.put(upperSnake(key), key);

        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            String variable = e.getKey();
            if (!variable.startsWith(ENV_PREFIX) || variable.equals(CONFIG_FILE_VARIABLE)) {
                continue;
            }
            FromEnvironment value = new FromEnvironment(variable, e.getValue());
            String[] path = simple.get(variable);
            if (path != null) {
                Map<String, Object> parent = tree;
                if (path.length == 2) {
                    Object section = tree.get(path[0]);
                    if (!(section instanceof Map)) {
                        section = new LinkedHashMap<String, Object>();
                        tree.put(path[0], section);
                    }
                    parent = (Map<String, Object>) section;
                }
                parent.put(path[path.length - 1], value);
                continue;
            }
            Matcher m = RULE_VARIABLE.matcher(variable);
            if (m.matches() && ruleKeys.containsKey(m.group(2))) {
                int index = Integer.parseInt(m.group(1));
                Object rules = tree.get("rules");
                if (!(rules instanceof List)) {
                    rules = new ArrayList<>();
                    tree.put("rules", rules);
                }
                List<Object> list = (List<Object>) rules;
                if (index > list.size()) {
                    problems.add(new ConfigProblem(variable, "sets rules[" + index + "] but rules[" + list.size()
                            + "] does not exist; number rules from 0 without gaps"));
                    continue;
                }
                if (index == list.size()) {
                    list.add(new LinkedHashMap<String, Object>());
                }
                if (list.get(index) instanceof Map) {
                    ((Map<String, Object>) list.get(index)).put(ruleKeys.get(m.group(2)), value);
                }
                continue;
            }
            List<String> known = new ArrayList<>(simple.keySet());
            known.add("PREBREAK_RULES_<n>_<KEY>");
            problems.add(new ConfigProblem(variable, "unknown setting" + suggestion(variable, simple.keySet())
                    + "; known variables: " + String.join(", ", known)));
        }
    }

    // --- typed reading and validation ---------------------------------------------------------

    /** Walks the tree, converting and checking values; records problems instead of throwing. */
    private static final class Reader {
        private final List<ConfigProblem> problems;

        private final StateSettings stateDefaults;

        Reader(List<ConfigProblem> problems, StateSettings stateDefaults) {
            this.problems = problems;
            this.stateDefaults = stateDefaults;
        }

        Config config(Map<String, Object> tree) {
            unknownKeys(tree, "", TOP_KEYS);
            GenesysSettings genesys = genesys(section(tree, "genesys"));
            Scope scope = scope(section(tree, "scope"));
            Duration tick = duration(tree.get("tick"), "tick", ChronoUnit.SECONDS, Config.DEFAULT_TICK);
            if (tick != null && (tick.compareTo(MIN_TICK) < 0 || tick.compareTo(MAX_TICK) > 0)) {
                problem("tick", tree.get("tick"), "must be between " + MIN_TICK + " and " + MAX_TICK + ", got " + tick);
            }
            List<RuleSettings> rules = rules(tree.get("rules"), tick);
            Boolean dryRun = bool(tree.get("dryRun"), "dryRun", false);
            Integer cap = integer(tree.get("maxChangesPerTick"), "maxChangesPerTick", Config.DEFAULT_MAX_CHANGES_PER_TICK);
            if (cap != null && (cap < 1 || cap > MAX_CAP)) {
                problem("maxChangesPerTick", tree.get("maxChangesPerTick"), "must be between 1 and " + MAX_CAP + ", got " + cap);
            }
            Duration skew = duration(tree.get("maxClockSkew"), "maxClockSkew", ChronoUnit.SECONDS, Config.DEFAULT_MAX_CLOCK_SKEW);
            if (skew != null && (skew.compareTo(MIN_CLOCK_SKEW) < 0 || skew.compareTo(MAX_CLOCK_SKEW) > 0)) {
                problem("maxClockSkew", tree.get("maxClockSkew"), "must be between " + MIN_CLOCK_SKEW + " and " + MAX_CLOCK_SKEW + ", got " + skew);
            }
            StateSettings state = state(section(tree, "state"));
            if (!problems.isEmpty()) {
                return null;
            }
            return new Config(genesys, scope, rules, tick, dryRun, cap, state, skew);
        }

        private GenesysSettings genesys(Map<String, Object> s) {
            if (s == null) {
                problems.add(new ConfigProblem("genesys", "is required (region and credentials)"));
                return null;
            }
            unknownKeys(s, "genesys.", GENESYS_KEYS);
            Region region = null;
            Object regionValue = s.get("region");
            if (regionValue == null) {
                problems.add(new ConfigProblem("genesys.region", "is required: a region name such as us_east_1, or a base URL"));
            } else {
                try {
                    region = Region.parse(String.valueOf(regionValue));
                } catch (IllegalArgumentException e) {
                    problem("genesys.region", regionValue, e.getMessage());
                }
            }
            Optional<String> clientId = Optional.ofNullable(text(s.get("clientId"), "genesys.clientId"));
            Optional<SecretRef> secret = secret(s.get("clientSecret"), "genesys.clientSecret");
            Optional<SecretRef> credentials = secret(s.get("credentials"), "genesys.credentials");
            boolean pair = clientId.isPresent() || s.get("clientSecret") != null;
            if (credentials.isPresent() && pair) {
                problems.add(new ConfigProblem("genesys.credentials", "give either credentials (one secret with clientId and clientSecret) or clientId with clientSecret, not both"));
            } else if (s.get("credentials") == null) {
                if (clientId.isEmpty()) {
                    problems.add(new ConfigProblem("genesys.clientId", "is required (the OAuth client id), unless genesys.credentials names a secret holding it"));
                }
                if (s.get("clientSecret") == null) {
                    problems.add(new ConfigProblem("genesys.clientSecret", "is required: a reference such as env:GENESYS_CLIENT_SECRET"));
                }
            }
            return region == null ? null : new GenesysSettings(region, clientId, secret, credentials);
        }

        private Optional<SecretRef> secret(Object value, String key) {
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(SecretRef.parse(String.valueOf(value)));
            } catch (IllegalArgumentException e) {
                // Never echo the value: it may be the secret itself.
                problems.add(new ConfigProblem(keyOf(key, value), e.getMessage()));
                return Optional.empty();
            }
        }

        private Scope scope(Map<String, Object> s) {
            if (s == null) {
                problems.add(new ConfigProblem("scope", "is required: scope.businessUnits and/or scope.managementUnits"));
                return null;
            }
            unknownKeys(s, "scope.", SCOPE_KEYS);
            List<String> bus = ids(s.get("businessUnits"), "scope.businessUnits");
            List<String> mus = ids(s.get("managementUnits"), "scope.managementUnits");
            if (bus.isEmpty() && mus.isEmpty()) {
                problems.add(new ConfigProblem("scope", "names no business unit and no management unit; give at least one id"));
            }
            return new Scope(bus, mus);
        }

        private List<String> ids(Object value, String key) {
            List<String> ids = new ArrayList<>();
            for (Object item : list(value, key)) {
                String id = String.valueOf(item).trim();
                if (id.isEmpty()) {
                    problem(key, value, "contains an empty id");
                } else if (ids.contains(id)) {
                    problem(key, value, "lists '" + id + "' twice");
                } else {
                    ids.add(id);
                }
            }
            return ids;
        }

        @SuppressWarnings("unchecked")
        private List<RuleSettings> rules(Object value, Duration tick) {
            List<RuleSettings> rules = new ArrayList<>();
            if (value == null) {
                problems.add(new ConfigProblem("rules", "is required: at least one rule (which activities, how long before, which presence)"));
                return rules;
            }
            if (!(value instanceof List)) {
                problem("rules", value, "must be a list of rules");
                return rules;
            }
            List<Object> items = (List<Object>) value;
            if (items.isEmpty()) {
                problems.add(new ConfigProblem("rules", "is empty: give at least one rule"));
            }
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < items.size(); i++) {
                String prefix = "rules[" + i + "]";
                if (!(items.get(i) instanceof Map)) {
                    problem(prefix, items.get(i), "must be a mapping with name, categories or activityCodes, lead and presence");
                    continue;
                }
                RuleSettings rule = rule((Map<String, Object>) items.get(i), prefix + ".", tick);
                if (rule != null) {
                    if (!names.add(rule.name())) {
                        problems.add(new ConfigProblem(prefix + ".name", "'" + rule.name() + "' is used by an earlier rule; rule names must be unique (the state store keys on them)"));
                    }
                    rules.add(rule);
                }
            }
            return rules;
        }

        private RuleSettings rule(Map<String, Object> r, String prefix, Duration tick) {
            int before = problems.size();
            unknownKeys(r, prefix, RULE_KEYS);
            String name = text(r.get("name"), prefix + "name");
            if (name == null) {
                problems.add(new ConfigProblem(prefix + "name", "is required"));
            }
            Set<ActivityCategory> categories = new LinkedHashSet<>();
            for (Object item : list(r.get("categories"), prefix + "categories")) {
                Optional<ActivityCategory> c = ActivityCategory.parse(String.valueOf(item));
                if (c.isPresent()) {
                    categories.add(c.get());
                } else {
                    problem(prefix + "categories", r.get("categories"), "unknown category '" + item + "'; known: "
                            + Arrays.stream(ActivityCategory.values()).map(ActivityCategory::wireName).collect(Collectors.joining(", ")));
                }
            }
            Set<String> codes = new LinkedHashSet<>();
            for (Object item : list(r.get("activityCodes"), prefix + "activityCodes")) {
                String code = String.valueOf(item).trim();
                if (code.isEmpty()) {
                    problem(prefix + "activityCodes", r.get("activityCodes"), "contains an empty code");
                } else {
                    codes.add(code);
                }
            }
            if (r.get("categories") == null && r.get("activityCodes") == null) {
                problems.add(new ConfigProblem(prefix + "categories", "give categories (such as Break, Meal) and/or activityCodes (ids or names)"));
            }
            Duration lead = duration(r.get("lead"), prefix + "lead", ChronoUnit.MINUTES, RuleSettings.DEFAULT_LEAD);
            if (lead != null) {
                if (lead.compareTo(MIN_LEAD) < 0 || lead.compareTo(MAX_LEAD) > 0) {
                    problem(prefix + "lead", r.get("lead"), "must be between 1 minute and 2 hours, got " + lead);
                } else if (tick != null && lead.compareTo(tick) < 0) {
                    problem(prefix + "lead", r.get("lead"), "must be at least one tick (" + tick + ") or activities could start unseen, got " + lead);
                }
            }
            String presence = text(r.get("presence"), prefix + "presence");
            if (presence == null) {
                problems.add(new ConfigProblem(prefix + "presence", "is required: the presence to set, by name (Pre-Break) or id"));
            }
            Set<RoutingStatus> eligible = new LinkedHashSet<>();
            if (r.get("eligibleRoutingStatuses") == null) {
                eligible.addAll(RuleSettings.DEFAULT_ELIGIBLE);
            }
            for (Object item : list(r.get("eligibleRoutingStatuses"), prefix + "eligibleRoutingStatuses")) {
                Optional<RoutingStatus> s = RoutingStatus.parse(String.valueOf(item));
                if (s.isPresent()) {
                    eligible.add(s.get());
                } else {
                    problem(prefix + "eligibleRoutingStatuses", r.get("eligibleRoutingStatuses"), "unknown routing status '" + item + "'; known: "
                            + Arrays.stream(RoutingStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
                }
            }
            if (r.get("eligibleRoutingStatuses") != null && eligible.isEmpty()) {
                problem(prefix + "eligibleRoutingStatuses", r.get("eligibleRoutingStatuses"), "is empty; no agent could ever be eligible");
            }
            Optional<String> atStart = Optional.ofNullable(text(r.get("atStartPresence"), prefix + "atStartPresence"));
            Boolean revert = bool(r.get("revertWhenCancelled"), prefix + "revertWhenCancelled", true);
            Duration minimum = duration(r.get("minimumActivityLength"), prefix + "minimumActivityLength", ChronoUnit.MINUTES, Duration.ZERO);
            if (minimum != null && (minimum.isNegative() || minimum.compareTo(Duration.ofHours(24)) > 0)) {
                problem(prefix + "minimumActivityLength", r.get("minimumActivityLength"), "must be between 0 and 24 hours, got " + minimum);
            }
            Optional<AdaptiveLead> adaptive = r.get("adaptive") == null ? Optional.empty()
                    : adaptive(r.get("adaptive"), prefix + "adaptive", lead, tick);
            if (problems.size() > before) {
                return null;
            }
            return new RuleSettings(name, categories, codes, lead, presence, eligible, atStart, revert, minimum, adaptive);
        }

        /** {@code adaptive: {minimumLead, margin, handleTimes: {chat: 8m}, afterCallWork: {call: 45s}}}; the rule's lead is the maximum. */
        @SuppressWarnings("unchecked")
        private Optional<AdaptiveLead> adaptive(Object value, String prefix, Duration lead, Duration tick) {
            if (value instanceof Boolean && (Boolean) value) {
                value = Map.of();
            }
            if (!(value instanceof Map)) {
                problem(prefix, value, "must be a mapping (minimumLead, margin, handleTimes, afterCallWork) or true");
                return Optional.empty();
            }
            Map<String, Object> a = (Map<String, Object>) value;
            unknownKeys(a, prefix + ".", ADAPTIVE_KEYS);
            Duration minimumLead = duration(a.get("minimumLead"), prefix + ".minimumLead", ChronoUnit.MINUTES,
                    AdaptiveLead.DEFAULT_MINIMUM_LEAD);
            Duration margin = duration(a.get("margin"), prefix + ".margin", ChronoUnit.MINUTES, AdaptiveLead.DEFAULT_MARGIN);
            if (minimumLead != null && lead != null && minimumLead.compareTo(lead) > 0) {
                problem(prefix + ".minimumLead", a.get("minimumLead"), "must not exceed the rule's lead (" + lead
                        + "), which is the maximum lead of an adaptive rule");
            }
            if (minimumLead != null && tick != null && minimumLead.compareTo(tick) < 0) {
                problem(prefix + ".minimumLead", a.get("minimumLead"), "must be at least one tick (" + tick
                        + ") or an idle agent's break could start unseen, got " + minimumLead);
            }
            if (margin != null && margin.isNegative()) {
                problem(prefix + ".margin", a.get("margin"), "must not be negative");
            }
            Map<String, Duration> handle = perMedia(a.get("handleTimes"), prefix + ".handleTimes");
            Map<String, Duration> acw = perMedia(a.get("afterCallWork"), prefix + ".afterCallWork");
            if (minimumLead == null || margin == null || margin.isNegative()) {
                return Optional.empty();
            }
            return Optional.of(new AdaptiveLead(minimumLead, margin, handle, acw));
        }

        @SuppressWarnings("unchecked")
        private Map<String, Duration> perMedia(Object value, String key) {
            Map<String, Duration> out = new LinkedHashMap<>();
            if (value == null) {
                return out;
            }
            if (!(value instanceof Map)) {
                problem(key, value, "must be a mapping of media (call, callback, chat, message, email) to a duration");
                return out;
            }
            ((Map<String, Object>) value).forEach((media, d) -> {
                Duration parsed = duration(d, key + "." + media, ChronoUnit.MINUTES, null);
                if (parsed != null && (parsed.isNegative() || parsed.isZero())) {
                    problem(key + "." + media, d, "must be above zero");
                } else if (parsed != null) {
                    out.put(String.valueOf(media).trim(), parsed);
                }
            });
            return out;
        }

        private StateSettings state(Map<String, Object> s) {
            if (s == null) {
                return stateDefaults;
            }
            unknownKeys(s, "state.", STATE_KEYS);
            StateSettings.Store store = stateDefaults.store();
            Object value = s.get("store");
            if (value != null) {
                try {
                    store = StateSettings.Store.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problem("state.store", value, "must be one of memory, file, dynamodb, got '" + value + "'");
                }
            }
            String file = text(s.get("file"), "state.file");
            String table = text(s.get("table"), "state.table");
            if (table != null && !table.matches("[A-Za-z0-9_.-]{3,255}")) {
                problem("state.table", s.get("table"), "is not a DynamoDB table name (3-255 of letters, digits, _ . -), got '" + table + "'");
            }
            return new StateSettings(store, file == null ? stateDefaults.file() : Path.of(file), table);
        }

        // --- scalar readers -------------------------------------------------------------------

        @SuppressWarnings("unchecked")
        private Map<String, Object> section(Map<String, Object> tree, String key) {
            Object value = tree.get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Map) {
                return (Map<String, Object>) value;
            }
            problem(key, value, "must be a mapping of settings");
            return null;
        }

        private String text(Object value, String key) {
            if (value == null) {
                return null;
            }
            if (value instanceof Map || value instanceof List) {
                problem(key, value, "must be a single value");
                return null;
            }
            String text = String.valueOf(value).trim();
            if (text.isEmpty()) {
                problem(key, value, "is empty");
                return null;
            }
            return text;
        }

        private List<Object> list(Object value, String key) {
            if (value == null) {
                return List.of();
            }
            if (value instanceof FromEnvironment) {
                String text = ((FromEnvironment) value).text();
                return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).collect(Collectors.toList());
            }
            if (value instanceof List) {
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    if (item == null || item instanceof Map || item instanceof List) {
                        problem(key, value, "must be a list of plain values");
                        return List.of();
                    }
                    items.add(item);
                }
                return items;
            }
            if (value instanceof Map) {
                problem(key, value, "must be a list");
                return List.of();
            }
            return List.of(value);
        }

        private Duration duration(Object value, String key, ChronoUnit bareUnit, Duration fallback) {
            if (value == null) {
                return fallback;
            }
            try {
                Object raw = value instanceof FromEnvironment ? ((FromEnvironment) value).text() : value;
                return DurationText.parse(raw, bareUnit);
            } catch (IllegalArgumentException | ArithmeticException e) {
                problem(key, value, e.getMessage());
                return null;
            }
        }

        private Boolean bool(Object value, String key, boolean fallback) {
            if (value == null) {
                return fallback;
            }
            if (value instanceof Boolean) {
                return (Boolean) value;
            }
            String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            problem(key, value, "must be true or false, got '" + value + "'");
            return null;
        }

        private Integer integer(Object value, String key, int fallback) {
            if (value == null) {
                return fallback;
            }
            if (value instanceof Integer) {
                return (Integer) value;
            }
            try {
                return Integer.parseInt(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                problem(key, value, "must be a whole number, got '" + value + "'");
                return null;
            }
        }

        private void unknownKeys(Map<String, Object> map, String prefix, List<String> known) {
            for (String key : map.keySet()) {
                if (!known.contains(key)) {
                    problems.add(new ConfigProblem(prefix + key, "unknown key" + suggestion(key, known) + "; known keys here: " + String.join(", ", known)));
                }
            }
        }

        private void problem(String key, Object value, String message) {
            problems.add(new ConfigProblem(keyOf(key, value), message));
        }
    }

    /** A key as users see it, with the variable it came from when an environment variable set it. */
    private static String keyOf(String key, Object value) {
        return value instanceof FromEnvironment ? key + " (from " + ((FromEnvironment) value).variable() + ")" : key;
    }

    private static String suggestion(String wrong, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(wrong.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, wrong.length() / 4) ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
