package io.stagecraft.sizing;

/** The catalog, coefficients and the sizers built on them, shared by the stage planners. */
record SizingContext(Catalog catalog, Coefficients k, TierFamilies families, PriceBook prices, TypeChooser types,
                     PoolSizer pools, DatabaseSizer database, CacheSizer cache) {

    static SizingContext of(Catalog catalog, Coefficients k, TierFamilies families) {
        PriceBook prices = new PriceBook(catalog, k);
        TypeChooser types = new TypeChooser(catalog, families);
        return new SizingContext(catalog, k, families, prices, types, new PoolSizer(k, types),
                new DatabaseSizer(catalog, k, families, prices), new CacheSizer(catalog, families, prices));
    }

    CloudProfile profile(Cloud cloud) {
        return catalog.profile(cloud);
    }

    double get(Coefficient c) {
        return k.get(c);
    }
}
