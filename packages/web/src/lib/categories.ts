/** The categories the sell form offers and the home page links to (the chain accepts any up to 64 bytes). */
export const categories = [
  { id: "electronics", label: "Electronics" },
  { id: "electronics/cameras", label: "Cameras" },
  { id: "electronics/phones", label: "Phones" },
  { id: "home", label: "Home and garden" },
  { id: "fashion", label: "Fashion" },
  { id: "books", label: "Books" },
  { id: "sports", label: "Sports" },
  { id: "toys", label: "Toys and games" },
  { id: "vehicles", label: "Vehicles and parts" },
  { id: "other", label: "Other" },
] as const;
