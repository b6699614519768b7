package io.leaddesk;

public final class LeadDesk {
    public static void main(String[] args) {
        System.out.println("placeholder");
    }
}
