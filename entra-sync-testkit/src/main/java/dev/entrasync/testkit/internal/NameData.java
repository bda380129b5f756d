package dev.entrasync.testkit.internal;

import java.util.List;
import java.util.SplittableRandom;

/** Word lists the generators draw realistic names, titles and places from. */
final class NameData {
    static final List<String> GIVEN = List.of(
            "Adele",
            "Alex",
            "Allan",
            "Amara",
            "Ana",
            "Ben",
            "Bianca",
            "Carlos",
            "Chen",
            "Chloe",
            "Christie",
            "Daniel",
            "Debra",
            "Diego",
            "Elena",
            "Emily",
            "Fatima",
            "Felix",
            "Grady",
            "Hana",
            "Henrietta",
            "Ibrahim",
            "Irvin",
            "Isaiah",
            "Jana",
            "Johanna",
            "Joni",
            "Jorge",
            "Kenji",
            "Lee",
            "Lidia",
            "Lynne",
            "Maria",
            "Megan",
            "Miriam",
            "Nestor",
            "Nia",
            "Noah",
            "Olga",
            "Omar",
            "Patti",
            "Pradeep",
            "Priya",
            "Raul",
            "Sakura",
            "Sofia",
            "Tariq",
            "Thomas",
            "Yara",
            "Zoe");
    static final List<String> SURNAMES = List.of(
            "Adams",
            "Bauer",
            "Brown",
            "Chowdhury",
            "Cruz",
            "Dubois",
            "Eriksen",
            "Fernandes",
            "Garcia",
            "Gonzalez",
            "Hansen",
            "Ito",
            "Jensen",
            "Kaur",
            "Khan",
            "Kim",
            "Kowalski",
            "Larsen",
            "Lopez",
            "Martin",
            "Mensah",
            "Moreau",
            "Müller",
            "Nakamura",
            "Nguyen",
            "Novak",
            "Okafor",
            "Olsen",
            "Patel",
            "Petrov",
            "Quinn",
            "Rossi",
            "Santos",
            "Schmidt",
            "Silva",
            "Singh",
            "Smith",
            "Sousa",
            "Tanaka",
            "Varga",
            "Vance",
            "Wagner",
            "Walker",
            "Wang",
            "Weber",
            "Wilber",
            "Williams",
            "Yamada",
            "Young",
            "Zhang");
    static final List<String> TITLES = List.of(
            "Accountant",
            "Sales Representative",
            "Marketing Manager",
            "Software Engineer",
            "Product Manager",
            "HR Specialist",
            "IT Administrator",
            "Support Engineer",
            "Financial Analyst",
            "Operations Lead",
            "Designer",
            "Legal Counsel",
            "Project Manager",
            "Director",
            "Retail Manager",
            "Data Analyst");
    static final List<String> DEPARTMENTS = List.of(
            "Finance",
            "Sales",
            "Marketing",
            "Engineering",
            "Human Resources",
            "IT",
            "Operations",
            "Legal",
            "Retail",
            "Research");
    static final List<String> OFFICES =
            List.of("18/2111", "20/1101", "131/1104", "12/1110", "19/3123", "24/1106", "Remote");
    static final List<String> LANGUAGES = List.of("en-US", "en-GB", "de-DE", "fr-FR", "nl-NL");
    static final List<String> GUEST_DOMAINS = List.of(
            "fabrikam.com", "gmail.com", "outlook.com", "northwindtraders.com", "adatum.com", "tailspintoys.com");
    static final List<String> TEAMS = List.of(
            "Finance",
            "Sales",
            "Marketing",
            "Engineering",
            "Leadership",
            "Project Falcon",
            "Project Orion",
            "Support",
            "Legal",
            "Design",
            "Facilities",
            "All Company",
            "Retail",
            "Research",
            "Security",
            "Helpdesk");

    private NameData() {}

    static String pick(SplittableRandom random, List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Lower-cases and strips a name to the characters a mail nickname allows. */
    static String nickname(String name) {
        StringBuilder out = new StringBuilder(name.length());
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
        for (char c : ascii.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + 32));
            }
        }
        return out.toString();
    }
}
