/** The portal's client script (placeholder until issue 9 §1 fills it in). */
export {};
