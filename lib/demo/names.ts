/** Small word lists the demo combines into people who look real enough on a roster. */

export const FIRST_NAMES = [
  "Aisha", "Alejandro", "Amara", "Amelia", "Andrei", "Anika", "Arjun", "Astrid", "Beatriz", "Bilal",
  "Camille", "Carlos", "Chen", "Chiara", "Chloe", "Daniel", "Dmitri", "Elena", "Elif", "Emeka",
  "Emma", "Farah", "Felix", "Fatima", "Gabriel", "Grace", "Hannah", "Hamza", "Ines", "Isaac",
  "Ivan", "Jamal", "Jana", "Javier", "Jin", "Jonas", "Kavya", "Keiko", "Kofi", "Laila",
  "Leon", "Lucia", "Luca", "Maja", "Malik", "Marta", "Mateo", "Mei", "Mohammed", "Nadia",
  "Naledi", "Nikhil", "Noah", "Nora", "Oliver", "Olga", "Omar", "Priya", "Rafael", "Rania",
  "Ravi", "Rosa", "Samir", "Sara", "Sebastian", "Sofia", "Soo-ah", "Tariq", "Tomas", "Valentina",
  "Wei", "Yara", "Yusuf", "Zainab", "Zoe",
] as const;

export const LAST_NAMES = [
  "Abara", "Adeyemi", "Ahmed", "Alvarez", "Andersen", "Bakker", "Banerjee", "Bianchi", "Brown", "Castro",
  "Chowdhury", "Costa", "Dubois", "Eriksson", "Fernandes", "Fischer", "Garcia", "Gonzalez", "Haddad", "Hansen",
  "Hernandez", "Horvath", "Ibrahim", "Ivanova", "Jansen", "Johnson", "Kaur", "Kim", "Kowalski", "Kumar",
  "Larsen", "Lee", "Lopez", "Mahmoud", "Martin", "Mendes", "Moreau", "Muller", "Mwangi", "Nakamura",
  "Nguyen", "Novak", "O'Connor", "Okonkwo", "Olsen", "Park", "Patel", "Petrov", "Popescu", "Quispe",
  "Rahman", "Rossi", "Said", "Santos", "Schmidt", "Silva", "Singh", "Suzuki", "Tanaka", "Thompson",
  "Torres", "Tran", "Van der Berg", "Vasquez", "Wang", "Williams", "Wojcik", "Yamamoto", "Yilmaz", "Zhang",
] as const;

/** City, ISO 3166 country and a plausible language, so a learner's profile hangs together. */
export const PLACES: readonly (readonly [city: string, country: string, language: string])[] = [
  ["Toronto", "CA", "en"], ["Chicago", "US", "en"], ["Austin", "US", "en"], ["Mexico City", "MX", "es"],
  ["Bogota", "CO", "es"], ["Sao Paulo", "BR", "pt"], ["Lisbon", "PT", "pt"], ["Madrid", "ES", "es"],
  ["Lyon", "FR", "fr"], ["Berlin", "DE", "de"], ["Amsterdam", "NL", "nl"], ["Stockholm", "SE", "sv"],
  ["Warsaw", "PL", "pl"], ["Istanbul", "TR", "tr"], ["Cairo", "EG", "ar"], ["Lagos", "NG", "en"],
  ["Nairobi", "KE", "en"], ["Cape Town", "ZA", "en"], ["Mumbai", "IN", "en"], ["Dhaka", "BD", "bn"],
  ["Seoul", "KR", "ko"], ["Osaka", "JP", "ja"], ["Hanoi", "VN", "vi"], ["Sydney", "AU", "en"],
];

/** Open edX's `level_of_education` codes. */
export const EDUCATION_LEVELS = ["hs", "a", "b", "m", "p", "other"] as const;
